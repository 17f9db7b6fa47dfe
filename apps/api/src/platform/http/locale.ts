// The language of a response: the signed-in account's choice, else the language cookie the login page
// sets, else Accept-Language, else Vietnamese.
import type { Locale } from "@namro/contracts";
import type { FastifyRequest } from "fastify";

export const LOCALE_COOKIE = "namro_lang";

export function requestLocale(request: FastifyRequest): Locale {
  const fromActor = request.actor?.locale;
  if (fromActor) return fromActor;
  const cookie = request.cookies?.[LOCALE_COOKIE];
  if (cookie === "en" || cookie === "vi") return cookie;
  const accept = request.headers["accept-language"] ?? "";
  const first = accept.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}
