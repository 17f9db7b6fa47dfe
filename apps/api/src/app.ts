// buildApp(deps): the whole HTTP application without listening. main.ts listens; tests inject requests.
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppConfig } from "./config.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { registerAccountRoutes } from "./modules/accounts/accounts.routes.ts";
import { registerAuditRoutes } from "./modules/audit/audit.routes.ts";
import { registerAuthRoutes } from "./modules/auth/auth.routes.ts";
import { registerDocumentCascadeRoutes } from "./modules/documents/documents.cascades.routes.ts";
import { registerDocumentFileRoutes } from "./modules/documents/documents.files.routes.ts";
import { registerDocumentReferenceDataRoutes } from "./modules/documents/documents.reference-data.routes.ts";
import { registerDocumentRoutes } from "./modules/documents/documents.routes.ts";
import { registerDocumentSearchRoutes } from "./modules/documents/documents.search.routes.ts";
import { registerMemberImportRoutes } from "./modules/members/members.import.routes.ts";
import { registerMemberRoutes } from "./modules/members/members.routes.ts";
import { registerMemberStatisticsRoutes } from "./modules/members/members.statistics.routes.ts";
import { registerNotificationRoutes } from "./modules/notifications/notifications.routes.ts";
import { registerOrganisationRoutes } from "./modules/organisations/organisations.routes.ts";
import { registerPlanCheckerRoutes } from "./modules/plan-checker/plan-checker.routes.ts";
import { registerSystemRoutes } from "./modules/system/system.routes.ts";
import { registerTaskAssigneeRoutes } from "./modules/tasks/tasks.assignees.routes.ts";
import { registerTaskReportRoutes } from "./modules/tasks/tasks.reports.routes.ts";
import { registerTaskRollupRoutes } from "./modules/tasks/tasks.rollups.routes.ts";
import { registerTaskRoutes } from "./modules/tasks/tasks.routes.ts";
import { registerTaskTodoRoutes } from "./modules/tasks/tasks.todo.routes.ts";
import { enforceRouteAccess } from "./platform/auth/route-access.ts";
import { installSessionHook } from "./platform/auth/session-hook.ts";
import { type Clock, systemClock } from "./platform/clock.ts";
import { type ReadRouter, startReadRouting } from "./platform/db/read-routing.ts";
import { installReadYourWrites } from "./platform/db/read-your-writes.ts";
import { handleError, handleNotFound } from "./platform/http/error-handler.ts";
import { createServices, type Services } from "./services.ts";

export interface AppDeps {
  database: DatabaseHandle;
  config: AppConfig;
  clock?: Clock;
  logger?: FastifyServerOptions["logger"];
}

declare module "fastify" {
  interface FastifyInstance {
    services: Services;
    appConfig: AppConfig;
    databaseKind: DatabaseHandle["kind"];
    /** Where routed reads go when a replica is configured (ADR 0009); null: all on the primary. */
    readRouting: ReadRouter | null;
  }
}

const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.behindTls,
    genReqId: () => crypto.randomUUID(),
    // One line per request only when debugging; warnings and errors are always logged.
    logController: new LogController({ disableRequestLogging: config.logLevel !== "debug" }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  const replica = database.replica;
  const readRouting = replica
    ? startReadRouting(
        { db: database.db, pool: database.pool, replica },
        { log: { warn: (message) => app.log.warn(message), info: (message) => app.log.info(message) } },
      )
    : null;
  if (readRouting) app.addHook("onClose", () => readRouting.stop());
  const services = createServices(
    { db: database.db, clock, ...(readRouting ? { reads: readRouting } : {}) },
    config,
  );
  app.decorate("services", services);
  app.decorate("readRouting", readRouting);
  app.decorate("appConfig", config);
  app.decorate("databaseKind", database.kind);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: config.behindTls ? [] : null,
      },
    },
    hsts: config.behindTls,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Năm Rõ API",
        version: "0.1.0",
        description:
          "Steering and checking Party-building work. Errors: { error: { code, message, issues? } }.",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  installSessionHook(app, services.auth, config.behindTls);
  if (readRouting) installReadYourWrites(app, readRouting, config.behindTls);
  // Before validation, so an anonymous or unauthorised caller learns nothing from validation errors.
  app.addHook("preValidation", async (request, reply) => {
    // Static files of the web app and the OpenAPI viewer are public; every other /api route must
    // declare its rule (enforceRouteAccess fails closed).
    const isApi = request.url.startsWith("/api/") && !request.url.startsWith("/api/docs");
    if (request.is404 || (!request.routeOptions.config.access && !isApi)) return;
    await enforceRouteAccess(request, reply);
  });

  await app.register(async (api) => {
    registerSystemRoutes(api);
    registerAuthRoutes(api);
    registerOrganisationRoutes(api);
    registerAccountRoutes(api);
    registerAuditRoutes(api);
    registerMemberRoutes(api);
    registerMemberStatisticsRoutes(api);
    registerMemberImportRoutes(api);
    registerDocumentReferenceDataRoutes(api);
    registerDocumentRoutes(api);
    registerDocumentSearchRoutes(api);
    registerDocumentFileRoutes(api);
    registerDocumentCascadeRoutes(api);
    registerNotificationRoutes(api);
    registerTaskRoutes(api);
    registerTaskRollupRoutes(api);
    registerTaskReportRoutes(api);
    registerTaskAssigneeRoutes(api);
    registerTaskTodoRoutes(api);
    registerPlanCheckerRoutes(api);
  });

  const indexHtml = join(config.webDistDir, "index.html");
  if (existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      wildcard: false,
      // Hashed assets can be cached for a long time; index.html never.
      setHeaders(res, path) {
        res.header(
          "cache-control",
          path.endsWith("index.html") ? "no-cache" : "public, max-age=31536000, immutable",
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET" || !existsSync(indexHtml)) {
      return handleNotFound(request, reply);
    }
    // Client-side routes of the single-page app.
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
  return app;
}
