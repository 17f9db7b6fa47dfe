// The actor of a request on a route whose access rule requires one (route-access has checked it).
import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import type { Actor } from "./actor.ts";

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("AUTH_REQUIRED");
  return request.actor;
}
