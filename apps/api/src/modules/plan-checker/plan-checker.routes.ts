// HTTP for the plan checker: check pasted text (JSON) or an uploaded file (multipart, registered for
// that route only with the document file cap), and create the corrected tasks. Checking needs
// task.read (nothing is stored); creating needs task.manage, checked in scope by the tasks service.
import fastifyMultipart from "@fastify/multipart";
import { DOCUMENT_FILE_MAX_BYTES, PLAN_CHECK_ROUTES as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { AppError } from "../../platform/errors.ts";
import { registerRoute } from "../../platform/http/register-route.ts";
import { readStreamAtMost } from "../../platform/text-files/text-file-reader.ts";
import { documentFileError } from "../documents/documents.service.ts";

export function registerPlanCheckerRoutes(app: FastifyInstance): void {
  const read = access.permission("task.read");
  const manage = access.permission("task.manage");
  const service = () => app.services.planChecker;

  registerRoute(app, routes.checkText, read, async ({ body, request }) =>
    service().checkText(actorOf(request), body.text, body.orgId),
  );

  app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      // One byte over the cap is enough to know the file is too large; the rest is not read.
      limits: { fileSize: DOCUMENT_FILE_MAX_BYTES + 1, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: false,
    });
    registerRoute(scoped, routes.checkFile, read, async ({ query, request }) => {
      if (!request.isMultipart()) throw new AppError("PLAN_CHECK_FILE_MISSING");
      const part = await request.file();
      if (!part) throw new AppError("PLAN_CHECK_FILE_MISSING");
      let bytes: Buffer;
      try {
        bytes = await readStreamAtMost(part.file, DOCUMENT_FILE_MAX_BYTES);
      } catch (error) {
        throw documentFileError(error);
      }
      return service().checkFile(actorOf(request), { fileName: part.filename, bytes }, query.orgId);
    });
  });

  registerRoute(app, routes.createTasks, manage, async ({ body, request }) =>
    service().createTasks(actorOf(request), body, auditOf(request)),
  );
}
