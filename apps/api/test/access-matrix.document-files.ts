// Access-matrix samples for document files (see access-matrix.int.test.ts): an upload (not tied to an
// organisation), attaching to a document held by the scope's commune (at a stale version, so an allowed
// request stops at the version check before any upload is looked up), and downloading its attachment.
import { randomUUID } from "node:crypto";
import { documentRoutes, type RouteContract } from "@namro/contracts";
import type { MatrixContext, MatrixSample } from "./access-matrix.documents.ts";
import { docxBytes } from "./document-fixtures.ts";
import { multipartFile } from "./multipart.ts";

type Scope = "inside" | "outside";

const key = (contract: Pick<RouteContract, "method" | "path">) => `${contract.method} ${contract.path}`;

export function documentFileSamples(ctx: MatrixContext): [string, MatrixSample][] {
  const db = () => ctx.db();

  /** A Kế hoạch held by the scope's commune with one attachment (version 1). */
  async function documentWithFile(scope: Scope): Promise<{ documentId: number; fileId: number }> {
    const type = await db()
      .selectFrom("documentTypes")
      .select("id")
      .where("system", "=", "party")
      .where("abbreviation", "=", "KH")
      .executeTakeFirstOrThrow();
    const document = await db()
      .insertInto("documents")
      .values({
        ownerOrgId: ctx.commune(scope).id,
        system: "party",
        typeId: type.id,
        typeAbbreviation: "KH",
        issuerCodes: ["ĐU"],
        issuedOn: "2026-03-02",
        subject: "Kế hoạch của ma trận quyền",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const content = docxBytes(["Kế hoạch của ma trận quyền"]);
    const file = await db()
      .insertInto("documentFiles")
      .values({
        documentId: document.id,
        fileName: "ke-hoach.docx",
        mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        kind: "docx",
        sizeBytes: content.length,
        sha256: "0",
        hasTextLayer: true,
        content,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { documentId: document.id, fileId: file.id };
  }

  return [
    [
      key(documentRoutes.uploadDocumentFile),
      {
        scoped: false,
        build: async () => ({
          method: "POST",
          url: "/api/document-uploads",
          ...multipartFile("ke-hoach.docx", docxBytes(["KẾ HOẠCH", "thực hiện Chỉ thị 05-CT/TW"])),
        }),
      },
    ],
    [
      key(documentRoutes.attachDocumentFile),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: `/api/documents/${(await documentWithFile(scope)).documentId}/files`,
          payload: { uploadId: randomUUID(), version: 99 },
        }),
      },
    ],
    [
      key(documentRoutes.downloadDocumentFile),
      {
        scoped: true,
        build: async (scope) => {
          const { documentId, fileId } = await documentWithFile(scope);
          return { method: "GET", url: `/api/documents/${documentId}/files/${fileId}` };
        },
      },
    ],
  ];
}
