// One place that turns any thrown error into the API's error shape, in the caller's language.
import { ERROR_CATALOGUE, type ErrorCode, type ErrorResponse } from "@namro/contracts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import { requestLocale } from "./locale.ts";
import { localizeIssues } from "./validation-messages.ts";

// The compiler checks every code has a status; this narrows the literal type for replies.
const statusOf = (code: ErrorCode): number => ERROR_CATALOGUE[code].status;

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  issues?: ErrorResponse["error"]["issues"],
) {
  const locale = requestLocale(request);
  const body: ErrorResponse = {
    error: {
      code,
      message: ERROR_CATALOGUE[code][locale],
      ...(issues ? { issues } : {}),
      requestId: request.id,
    },
  };
  return reply.status(statusOf(code)).send(body);
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.code === "INTERNAL_ERROR") request.log.error({ err: error }, "internal error");
    // Issue messages may be catalogued codes; those are shown in the caller's language.
    const locale = requestLocale(request);
    const issues = error.issues?.map((issue) =>
      Object.hasOwn(ERROR_CATALOGUE, issue.message)
        ? { path: issue.path, message: ERROR_CATALOGUE[issue.message as ErrorCode][locale] }
        : issue,
    );
    return send(request, reply, error.code, issues);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? "body";
    const issues = error.validation.map(
      (v) =>
        ({
          ...v.params,
          code: v.keyword,
          path: v.instancePath.split("/").filter((part) => part !== ""),
          message: v.message ?? "",
        }) as unknown as z.core.$ZodIssue,
    );
    return send(request, reply, "VALIDATION_FAILED", localizeIssues(issues, context, requestLocale(request)));
  }
  // PostgreSQL gave up one of two transactions waiting on each other (deadlock, serialization failure):
  // it was rolled back whole, so asking the user to try again is true and safe.
  const sqlState = (error as { code?: unknown }).code;
  if (sqlState === "40P01" || sqlState === "40001") {
    request.log.warn({ err: error }, "concurrent update refused by the database");
    return send(request, reply, "CONCURRENT_UPDATE");
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode === 413 || fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return send(request, reply, "PAYLOAD_TOO_LARGE");
  }
  if (fastifyError.statusCode === 429) return send(request, reply, "RATE_LIMITED");
  if (fastifyError.statusCode === 400 || fastifyError.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    const issues = [{ path: "body", message: fastifyError.message }];
    return send(request, reply, "VALIDATION_FAILED", issues);
  }
  if (fastifyError.statusCode === 404) return send(request, reply, "NOT_FOUND");
  request.log.error({ err: error }, "unhandled error");
  return send(request, reply, "INTERNAL_ERROR");
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, "NOT_FOUND");
}
