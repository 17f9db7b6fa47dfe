// HTTP for task progress reports: every route of TASK_REPORT_ROUTES, scoped by the service. Reading and
// reporting need only task.read at the route (the person responsible for a task may hold no more); the
// service decides who may report (lead unit or responsible person) and review (the assigning
// organisation). Evidence is multipart, registered for the upload route only with the evidence cap.
import fastifyMultipart from "@fastify/multipart";
import { TASK_REPORT_ROUTES as routes, TASK_REPORT_FILE_MAX_BYTES } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { AppError } from "../../platform/errors.ts";
import { contentDisposition } from "../../platform/http/content-disposition.ts";
import { registerRoute } from "../../platform/http/register-route.ts";
import { readStreamAtMost } from "../../platform/text-files/text-file-reader.ts";
import { evidenceFileError } from "./tasks.reports.files.ts";

export function registerTaskReportRoutes(app: FastifyInstance): void {
  const read = access.permission("task.read");
  const manage = access.permission("task.manage");
  const service = () => app.services.taskReports;

  registerRoute(app, routes.list, read, async ({ params, request }) =>
    service().overview(actorOf(request), params.id),
  );
  registerRoute(app, routes.submit, read, async ({ params, body, request }) =>
    service().submit(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.returnReport, manage, async ({ params, body, request }) =>
    service().returnReport(actorOf(request), params.id, params.reportId, body, auditOf(request)),
  );
  registerRoute(app, routes.accept, manage, async ({ params, body, request }) =>
    service().accept(actorOf(request), params.id, params.reportId, body, auditOf(request)),
  );
  registerRoute(app, routes.awaitingReview, manage, async ({ query, request }) =>
    service().awaitingReview(actorOf(request), query),
  );

  app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      // One byte over the cap is enough to know the file is too large; the rest is not kept.
      limits: { fileSize: TASK_REPORT_FILE_MAX_BYTES + 1, files: 1, fields: 5, parts: 6 },
      throwFileSizeLimit: false,
    });
    registerRoute(scoped, routes.uploadFile, read, async ({ params, request }) => {
      const actor = actorOf(request);
      // Who may add evidence is settled before a byte of the file is read.
      await service().checkEvidenceUpload(actor, params.id, params.reportId);
      if (!request.isMultipart()) throw new AppError("TASK_REPORT_FILE_MISSING");
      const part = await request.file();
      if (part?.fieldname !== "file") throw new AppError("TASK_REPORT_FILE_MISSING");
      let bytes: Buffer;
      try {
        bytes = await readStreamAtMost(part.file, TASK_REPORT_FILE_MAX_BYTES);
      } catch (error) {
        throw evidenceFileError(error);
      }
      return service().addEvidence(
        actor,
        params.id,
        params.reportId,
        { fileName: part.filename, bytes },
        auditOf(request),
      );
    });
  });

  registerRoute(app, routes.downloadFile, read, async ({ params, request, reply }) => {
    const file = await service().downloadEvidence(
      actorOf(request),
      params.id,
      params.reportId,
      params.fileId,
    );
    reply
      .header("content-type", file.mediaType)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store");
    return file.content;
  });
  registerRoute(app, routes.deleteFile, read, async ({ params, request }) => {
    await service().removeEvidence(
      actorOf(request),
      params.id,
      params.reportId,
      params.fileId,
      auditOf(request),
    );
    return { ok: true as const };
  });
}
