// HTTP for document files: the upload (multipart, streamed, stopped at the size cap), attaching an
// upload to a document, and downloading an attachment. Multipart parsing is registered for the upload
// route only, with the document file cap.
import fastifyMultipart from "@fastify/multipart";
import { DOCUMENT_FILE_MAX_BYTES, documentRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { AppError } from "../../platform/errors.ts";
import { contentDisposition } from "../../platform/http/content-disposition.ts";
import { registerRoute } from "../../platform/http/register-route.ts";
import { readStreamAtMost } from "../../platform/text-files/text-file-reader.ts";
import { documentFileError } from "./documents.uploads.service.ts";

export function registerDocumentFileRoutes(app: FastifyInstance): void {
  const read = access.permission("document.read");
  const manage = access.permission("document.manage");
  const service = () => app.services.documentUploads;

  app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      // One byte over the cap is enough to know the file is too large; the rest is not read.
      limits: { fileSize: DOCUMENT_FILE_MAX_BYTES + 1, files: 1, fields: 5, parts: 6 },
      throwFileSizeLimit: false,
    });

    registerRoute(scoped, routes.uploadDocumentFile, manage, async ({ request }) => {
      if (!request.isMultipart()) throw new AppError("DOCUMENT_FILE_MISSING");
      const part = await request.file();
      if (!part) throw new AppError("DOCUMENT_FILE_MISSING");
      let bytes: Buffer;
      try {
        bytes = await readStreamAtMost(part.file, DOCUMENT_FILE_MAX_BYTES);
      } catch (error) {
        throw documentFileError(error);
      }
      return service().upload(actorOf(request), { fileName: part.filename, bytes });
    });
  });

  registerRoute(app, routes.attachDocumentFile, manage, async ({ params, body, request }) =>
    service().attach(actorOf(request), params.id, body, auditOf(request)),
  );

  registerRoute(app, routes.downloadDocumentFile, read, async ({ params, request, reply }) => {
    const file = await service().download(actorOf(request), params.id, params.fileId);
    reply
      .header("content-type", file.mediaType)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store");
    return file.content;
  });
}
