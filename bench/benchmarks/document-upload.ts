// A 200-page plan uploaded and indexed, as the register does it, in process (app.inject) as the
// national administrator: the upload (multipart; format sniffed, zip checked, text extracted, header
// proposed, references found and matched, the upload stored) and the attachment to a document (file
// and text stored, search vector refreshed, references linked). Once as .docx, once as a PDF with a
// text layer, both built from the sample provincial plan with its body repeated until the PDF has 200
// pages. Baseline: the bare extraction of the same file (mammoth / unpdf), measured in the same run.
// The documents, placeholders and relations the runs create are deleted afterwards.

import { sql } from "kysely";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import {
  PROVINCE_PLAN_12_KH_TU,
  sampleDocumentDocx,
  sampleDocumentPdf,
  withLongBody,
} from "../../apps/api/test/document-fixtures.ts";
import { multipartFile } from "../../apps/api/test/multipart.ts";
import type { Dataset } from "../datasets.ts";
import { type Measurement, time } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";

const TARGET_PAGES = 200;
const TARGET_MS = 5000;
const RUNS = 5;

interface PlanFiles {
  docx: Buffer;
  pdf: Buffer;
  pages: number;
  characters: number;
}

async function pageCount(pdf: Buffer): Promise<number> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
  const pages = proxy.numPages;
  await proxy.loadingTask.destroy();
  return pages;
}

/** The sample plan with its body repeated until its PDF has at least 200 pages. */
async function planFiles(): Promise<PlanFiles> {
  const copiesPerPage = 50 / 45; // the sample body is about 45 pages per 50 copies
  let copies = Math.ceil(TARGET_PAGES * copiesPerPage);
  for (;;) {
    const plan = withLongBody(PROVINCE_PLAN_12_KH_TU, copies);
    const pdf = await sampleDocumentPdf(plan);
    const pages = await pageCount(pdf);
    if (pages >= TARGET_PAGES) {
      const characters = plan.body.reduce((sum, paragraph) => sum + paragraph.length, 0);
      return { docx: sampleDocumentDocx(plan), pdf, pages, characters };
    }
    copies = Math.ceil((copies * TARGET_PAGES) / pages) + 1;
  }
}

async function bareExtraction(kind: "docx" | "pdf", bytes: Buffer): Promise<void> {
  if (kind === "docx") {
    await mammoth.extractRawText({ buffer: bytes });
    return;
  }
  const proxy = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  await extractText(proxy, { mergePages: false });
  await proxy.loadingTask.destroy();
}

/** A Kế hoạch held by the administrator's root, to attach the upload to (version 1). */
async function newPlanDocument(dataset: Dataset, ownerOrgId: number): Promise<number> {
  const db = dataset.database.db;
  const type = await db
    .selectFrom("documentTypes")
    .select("id")
    .where("system", "=", "party")
    .where("abbreviation", "=", "KH")
    .orderBy("sortOrder")
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto("documents")
    .values({
      ownerOrgId,
      system: "party",
      typeId: type.id,
      typeAbbreviation: "KH",
      issuerCodes: ["TU"],
      issuedOn: "2026-02-05",
      subject: "Kế hoạch thực hiện Kết luận số 21-KL/TW (benchmark)",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes the documents created after `lastIdBefore` (the runs' plans and the placeholders they cited). */
async function cleanUp(dataset: Dataset, lastIdBefore: number): Promise<void> {
  await sql`
    WITH created AS (SELECT id FROM documents WHERE id > ${lastIdBefore})
    , relations AS (DELETE FROM document_relations WHERE from_document_id IN (SELECT id FROM created)
                      OR to_document_id IN (SELECT id FROM created))
    , texts AS (DELETE FROM document_texts WHERE document_id IN (SELECT id FROM created))
    , files AS (DELETE FROM document_files WHERE document_id IN (SELECT id FROM created))
    SELECT 1`.execute(dataset.database.db);
  await sql`DELETE FROM documents WHERE id > ${lastIdBefore}`.execute(dataset.database.db);
}

export async function documentUpload(dataset: Dataset, fixture: AppFixture): Promise<Measurement[]> {
  const files = await planFiles();
  console.error(
    `  plan: ${files.pages} pages, ${files.characters.toLocaleString("en")} characters of body; ` +
      `.docx ${(files.docx.length / 1024).toFixed(0)} KB, PDF ${(files.pdf.length / 1024).toFixed(0)} KB`,
  );
  const db = dataset.database.db;
  const lastIdBefore = Number(
    (await sql<{ id: string | null }>`SELECT max(id) AS id FROM documents`.execute(db)).rows[0]?.id ?? 0,
  );
  const headers = { cookie: fixture.admin.cookie, "x-csrf-token": fixture.admin.csrfToken };
  const rows: Measurement[] = [];
  try {
    for (const kind of ["docx", "pdf"] as const) {
      const bytes = kind === "docx" ? files.docx : files.pdf;
      const documents: number[] = [];
      for (let i = 0; i < RUNS + 1; i++)
        documents.push(await newPlanDocument(dataset, fixture.admin.scopeOrgId));
      let references = 0;
      let next = 0;
      const pipeline = await time(
        async () => {
          // The warm-up run attaches too: each run takes the next fresh document.
          const documentId = documents[next++];
          const body = multipartFile(`ke-hoach-200-trang.${kind}`, bytes);
          const uploaded = await fixture.app.inject({
            method: "POST",
            url: "/api/document-uploads",
            payload: body.payload,
            headers: { ...headers, ...body.headers },
          });
          if (uploaded.statusCode !== 201)
            throw new Error(`upload ${kind}: ${uploaded.statusCode} ${uploaded.body.slice(0, 200)}`);
          const upload = uploaded.json() as { uploadId: string; references: unknown[] };
          references = upload.references.length;
          const attached = await fixture.app.inject({
            method: "POST",
            url: `/api/documents/${documentId}/files`,
            payload: { uploadId: upload.uploadId, version: 1 },
            headers,
          });
          if (attached.statusCode !== 201)
            throw new Error(`attach ${kind}: ${attached.statusCode} ${attached.body.slice(0, 200)}`);
        },
        RUNS,
        1,
      );
      const baseline = await time(() => bareExtraction(kind, bytes), RUNS, 1);
      console.error(`  ${kind}: ${references} references found per upload`);
      rows.push({
        name: `200-page plan uploaded and indexed (.${kind}, ${files.pages} pages, ${references} references)`,
        database: dataset.label,
        samples: RUNS,
        medianMs: pipeline.median,
        p95Ms: pipeline.p95,
        baselineName: kind === "docx" ? "mammoth raw text" : "unpdf text",
        baselineMedianMs: baseline.median,
        target: `≤ ${TARGET_MS} ms`,
        met: pipeline.p95 <= TARGET_MS,
      });
    }
  } finally {
    await cleanUp(dataset, lastIdBefore);
  }
  return rows;
}
