// HTTP for member imports (multipart upload, preview, mapping, decisions, commit, error report) and for
// the member export. Multipart parsing is registered for these routes only, with the import's size cap.
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import fastifyMultipart from "@fastify/multipart";
import { MEMBER_IMPORT_MAX_BYTES, memberImportRoutes as routes } from "@namro/contracts";
import { MEMBER_COLUMNS, MEMBER_INFO_HEADERS } from "@namro/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { AppError } from "../../platform/errors.ts";
import { registerRoute } from "../../platform/http/register-route.ts";
import { createXlsxWriter } from "../../platform/spreadsheets/spreadsheet-writer.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Streams what `write` produces as an .xlsx download; a failure midway ends the response. */
function sendXlsx(
  reply: FastifyReply,
  fileName: string,
  write: (output: PassThrough) => Promise<void>,
): PassThrough {
  const output = new PassThrough();
  reply
    .header("content-type", XLSX_TYPE)
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("cache-control", "no-store");
  write(output).catch((error: unknown) => {
    reply.log.error(error);
    output.destroy(error as Error);
  });
  return output;
}

export function registerMemberImportRoutes(app: FastifyInstance): void {
  const manage = access.permission("member.manage");
  const read = access.permission("member.read");
  const service = () => app.services.memberImports;

  app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      limits: { fileSize: MEMBER_IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 12 },
      throwFileSizeLimit: false,
    });

    registerRoute(scoped, routes.createMemberImport, manage, async ({ query, request }) => {
      const actor = actorOf(request);
      const part = await request.file();
      if (!part) throw new AppError("MEMBER_IMPORT_FILE_MISSING");
      const path = join(tmpdir(), `namro-import-${randomUUID()}`);
      const hash = createHash("sha256");
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(part.file, hashing, createWriteStream(path));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      if (part.file.truncated) {
        await rm(path, { force: true });
        throw new AppError("MEMBER_IMPORT_FILE_TOO_LARGE");
      }
      return service().create(actor, query.orgId, {
        path,
        fileName: part.filename.slice(0, 255) || "tep-tai-len",
        sha256: hash.digest("hex"),
      });
    });
  });

  registerRoute(app, routes.getMemberImport, manage, async ({ params, request }) =>
    service().get(actorOf(request), params.id),
  );

  registerRoute(app, routes.listMemberImportRows, manage, async ({ params, query, request }) =>
    service().listRows(actorOf(request), params.id, query),
  );

  registerRoute(app, routes.updateMemberImportMapping, manage, async ({ params, body, request }) =>
    service().updateMapping(actorOf(request), params.id, body),
  );

  registerRoute(app, routes.updateMemberImportDecisions, manage, async ({ params, body, request }) =>
    service().updateDecisions(actorOf(request), params.id, body),
  );

  registerRoute(app, routes.commitMemberImport, manage, async ({ params, request }) =>
    service().commit(actorOf(request), params.id, auditOf(request)),
  );

  registerRoute(app, routes.downloadMemberImportReport, manage, async ({ params, request, reply }) => {
    const actor = actorOf(request);
    const stored = await service().get(actor, params.id);
    return sendXlsx(reply, `loi-nhap-dang-vien-${stored.id}.xlsx`, (output) =>
      service().writeReport(actor, params.id, output),
    );
  });

  registerRoute(app, routes.downloadMemberImportTemplate, manage, async ({ reply }) =>
    sendXlsx(reply, "mau-nhap-dang-vien.xlsx", async (output) => {
      const writer = createXlsxWriter(output);
      writer
        .addSheet("Danh sách đảng viên", [
          MEMBER_INFO_HEADERS.rowNumber,
          ...MEMBER_COLUMNS.map((c) => c.header),
        ])
        .end();
      await writer.finish();
    }),
  );

  registerRoute(app, routes.exportMembers, read, async ({ query, request, reply }) => {
    const plan = await app.services.memberExport.plan(actorOf(request), query);
    return sendXlsx(reply, plan.fileName, (output) => app.services.memberExport.write(plan, output));
  });
}
