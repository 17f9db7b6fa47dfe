// How a route is described once and used by both the server (validation, OpenAPI) and the web client
// (typed calls). The web app imports these descriptions, never server code.
import { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteContract {
  method: HttpMethod;
  /** Fastify-style path, e.g. "/api/organisations/:id". */
  path: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** Schema of the 200/201 response. */
  response: z.ZodType;
  successStatus?: 200 | 201 | 204;
}

export function defineRoutes<const T extends Record<string, RouteContract>>(routes: T): T {
  return routes;
}

export const ValidationIssueSchema = z.object({
  /** Dotted path of the field, e.g. "body.parts.1.name". */
  path: z.string(),
  message: z.string(),
});

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(ValidationIssueSchema).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const IdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const IsoDateSchema = z.iso.date();

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
}

export const OkSchema = z.object({ ok: z.literal(true) });

export type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
export type InputOf<T> = T extends z.ZodType ? z.input<T> : undefined;
