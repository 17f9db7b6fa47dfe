// Registers a route from its contract: validation and OpenAPI from the Zod schemas, the declared access
// rule, and a handler that receives typed input and returns the response body.
import type { Infer, RouteContract } from "@namro/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { RouteAccess } from "../auth/route-access.ts";

export interface RouteInput<C extends RouteContract> {
  params: Infer<C["params"]>;
  query: Infer<C["querystring"]>;
  body: Infer<C["body"]>;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteOptions {
  /** Per-route rate limit (per client IP) through @fastify/rate-limit, e.g. { max: 20, timeWindow: "1 minute" }. */
  rateLimit?: { max: number; timeWindow: number | string };
}

export type RouteHandler<C extends RouteContract> = (input: RouteInput<C>) => Promise<Infer<C["response"]>>;

export function registerRoute<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  access: RouteAccess,
  handler: RouteHandler<C>,
  options: RouteOptions = {},
): void {
  const successStatus = contract.successStatus ?? 200;
  app.route({
    method: contract.method,
    url: contract.path,
    config: { access, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) },
    schema: {
      summary: contract.summary,
      tags: [...contract.tags],
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.querystring ? { querystring: contract.querystring } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { [successStatus]: contract.response },
    },
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params as Infer<C["params"]>,
        query: request.query as Infer<C["querystring"]>,
        body: request.body as Infer<C["body"]>,
        request,
        reply,
      });
      reply.status(successStatus);
      return result;
    },
  });
}
