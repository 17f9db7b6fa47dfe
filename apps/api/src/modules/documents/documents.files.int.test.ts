// Document files over HTTP: uploads read and proposed (header, references matched as far as the reader
// may see them, proposed relations), every bad file refused with its code and nothing stored, uploads
// attached to documents (an annex keeps the text and relations; a main text replaces the text, refreshes
// the search vector and re-links its plain references), downloads.
import type { CascadeCoverage, DocumentDetail, DocumentUpload } from "@namro/contracts";
import { encodeTcvn3 } from "@namro/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCascade } from "../../../test/cascade-factories.ts";
import { createDocument, searchVectorText } from "../../../test/document-factories.ts";
import {
  COMMUNE_PLAN_08_KH_DU,
  docxBytes,
  encryptedPdfBytes,
  oleBytes,
  PROVINCE_PLAN_12_KH_TU,
  pngBytes,
  sampleDocumentDocx,
  sampleDocumentPdf,
  sampleDocumentTxt,
  scannedPdfBytes,
  zipBytes,
} from "../../../test/document-fixtures.ts";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { multipartFile } from "../../../test/multipart.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let staff: TestSession; // committee_staff over the province: manages its documents
let reader: TestSession; // member of commune A: reads only
let otherStaff: TestSession; // committee_staff of another province
let conclusion21: number; // 21-KL/TW, held by the province
let directive05: number; // 05-CT/TW, held by the other province: never matched from this one
let planTypeId: number;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
  const db = t.database.db;
  p = await createProvince(db);
  const other = await createOrg(db, null, { typeCode: "tinh_uy" });
  staff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  reader = await t.actor([{ role: "member", orgId: p.communeA.id }]);
  otherStaff = await t.actor([{ role: "committee_staff", orgId: other.id }]);
  conclusion21 = (
    await createDocument(db, {
      ownerOrgId: p.province.id,
      typeAbbreviation: "KL",
      number: "21",
      issuedOn: "2021-10-25",
      subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    })
  ).id;
  directive05 = (
    await createDocument(db, {
      ownerOrgId: other.id,
      typeAbbreviation: "CT",
      number: "05",
      issuedOn: "2016-05-15",
    })
  ).id;
  planTypeId = (
    await db
      .selectFrom("documentTypes")
      .select("id")
      .where("system", "=", "party")
      .where("abbreviation", "=", "KH")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t.close();
});

const upload = (session: TestSession | null, bytes: Buffer, fileName = "ke-hoach.docx") =>
  t.call(session, { method: "POST", url: "/api/document-uploads", ...multipartFile(fileName, bytes) });

async function uploaded(session: TestSession, bytes: Buffer, fileName?: string): Promise<DocumentUpload> {
  const response = await upload(session, bytes, fileName);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as DocumentUpload;
}

async function uploadCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM document_uploads`.execute(
    t.database.db,
  );
  return rows[0]?.n ?? 0;
}

const PLAN_HEADER = {
  typeAbbreviation: "KH",
  number: "12",
  issuerCodes: ["TU"],
  place: "Bắc Ninh",
  issuedOn: "2026-02-05",
  subject:
    "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
  signer: "Nguyễn Văn Hùng",
};

describe("POST /api/document-uploads", () => {
  it("reads a .docx: the header proposed and the references matched as the reader may see them", async () => {
    const result = await uploaded(
      staff,
      sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU),
      "Kế hoạch 12-KH-TU.docx",
    );
    expect(result).toMatchObject({
      fileName: "Kế hoạch 12-KH-TU.docx",
      kind: "docx",
      hasTextLayer: true,
      pageCount: null,
      notes: [],
      proposed: { ...PLAN_HEADER, typeId: planTypeId },
    });
    expect(result.textPreview.startsWith("TỈNH ỦY BẮC NINH\n*\nSố 12-KH/TU")).toBe(true);
    const byNumber = (number: string) => result.references.filter((r) => r.number === number);
    const [inSubject, inBody] = byNumber("21");
    expect(inSubject).toMatchObject({ type: "KL", matched: true, proposedKind: "implements" });
    expect(inSubject?.document?.id).toBe(conclusion21);
    expect(inBody).toMatchObject({ matched: true, proposedKind: "implements", date: "2021-10-25" });
    // Held by another province only: not this province's document, so no match.
    expect(byNumber("05").find((r) => r.type === "CT")).toMatchObject({ matched: false, document: null });
    expect(byNumber("37")[0]).toMatchObject({ matched: false, document: null, proposedKind: "refers_to" });
    expect(byNumber("30/2020")[0]).toMatchObject({ system: "state", type: "NĐ", issuer: "CP" });
    expect(result.references.map((r) => r.text)).not.toContain("0222 3822 123");
  });

  it("reads a PDF with a text layer the same way, and counts its pages", async () => {
    const result = await uploaded(staff, await sampleDocumentPdf(PROVINCE_PLAN_12_KH_TU), "ke-hoach.pdf");
    expect(result).toMatchObject({ kind: "pdf", hasTextLayer: true, pageCount: 2, proposed: PLAN_HEADER });
    expect(result.references.find((r) => r.number === "21")?.proposedKind).toBe("implements");
  });

  it("reads a commune plan as carrying out the provincial plan", async () => {
    const result = await uploaded(staff, sampleDocumentTxt(COMMUNE_PLAN_08_KH_DU), "ke-hoach-xa.txt");
    expect(result.proposed).toMatchObject({ number: "08", issuerCodes: ["ĐU"], place: "Tiên Du" });
    expect(result.references.find((r) => r.number === "12")).toMatchObject({ proposedKind: "implements" });
  });

  it("accepts a scanned PDF without a text layer and says so", async () => {
    const result = await uploaded(staff, await scannedPdfBytes(2), "ban-quet.pdf");
    expect(result).toMatchObject({
      kind: "pdf",
      hasTextLayer: false,
      pageCount: 2,
      textLength: 0,
      references: [],
    });
    expect(result.proposed).toMatchObject({ typeId: null, number: null, subject: null });
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain("không có lớp chữ");
  });

  it("accepts an image as an attachment without text, with notes in the account's language", async () => {
    const account = await t.createAccount([{ role: "committee_staff", orgId: p.province.id }]);
    await t.database.db.updateTable("accounts").set({ locale: "en" }).where("id", "=", account.id).execute();
    const english = await t.signIn(account.username);
    const response = await upload(english, pngBytes(), "anh.png");
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ kind: "image", hasTextLayer: null, textLength: 0 });
    expect(response.json().notes).toEqual([
      "The image is kept as an attachment; text in images is not read. Enter the document's details.",
    ]);
  });

  it("names header fields it could not read and codes not in the tables", async () => {
    const bare = await uploaded(staff, docxBytes(["Biên bản họp chi bộ tháng 3", "Có mặt 12 đồng chí."]));
    expect(bare.notes).toEqual([
      "Chưa đọc được từ phần đầu văn bản: số văn bản, loại văn bản, ngày ban hành, trích yếu. Hãy nhập các mục này.",
    ]);
    const unknown = await uploaded(
      staff,
      docxBytes([
        "ĐẢNG ỦY XÃ",
        "Số 03-KH/XYZ",
        "Tân Hưng, ngày 02 tháng 3 năm 2026",
        "KẾ HOẠCH",
        "về công tác dân vận",
      ]),
    );
    expect(unknown.proposed).toMatchObject({ number: "03", issuerCodes: ["XYZ"], typeId: planTypeId });
    expect(unknown.notes).toEqual(["Mã cơ quan ban hành chưa có trong danh mục: XYZ."]);
  });

  it("proposes the type its type line names when two types share an abbreviation", async () => {
    const regulationTypeId = (
      await t.database.db
        .selectFrom("documentTypes")
        .select("id")
        .where("system", "=", "party")
        .where("nameVi", "=", "Quy định")
        .executeTakeFirstOrThrow()
    ).id;
    const result = await uploaded(
      staff,
      docxBytes([
        "TỈNH ỦY BẮC NINH",
        "Số 05-QĐ/TU",
        "Bắc Ninh, ngày 10 tháng 3 năm 2026",
        "QUY ĐỊNH",
        "về chế độ làm việc",
      ]),
    );
    expect(result.proposed).toMatchObject({ typeAbbreviation: "QĐ", typeId: regulationTypeId });
  });

  it("converts a legacy TCVN3 text file and notes it", async () => {
    const text = `KẾ HOẠCH\nthực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về học tập và làm theo`;
    const bytes = Buffer.from(Array.from(encodeTcvn3(text), (c) => c.charCodeAt(0)));
    const result = await uploaded(staff, bytes, "cu.txt");
    expect(result.textPreview).toBe(text);
    expect(result.notes.some((note) => note.includes("TCVN3"))).toBe(true);
  });

  it.each([
    ["an empty file", () => Buffer.alloc(0), 400, "DOCUMENT_FILE_EMPTY"],
    ["an old binary .doc", () => oleBytes(), 415, "DOCUMENT_FILE_UNSUPPORTED"],
    ["an RTF document", () => Buffer.from("{\\rtf1\\ansi Kế hoạch}"), 415, "DOCUMENT_FILE_UNSUPPORTED"],
    [
      "an executable",
      () => Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512)]),
      415,
      "DOCUMENT_FILE_UNSUPPORTED",
    ],
    [
      "a workbook",
      () => zipBytes([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]),
      415,
      "DOCUMENT_FILE_UNSUPPORTED",
    ],
    [
      "a zip bomb named .docx",
      () => zipBytes([{ name: "word/document.xml", data: Buffer.alloc(40 * 1024 * 1024) }]),
      400,
      "DOCUMENT_FILE_MALFORMED",
    ],
    ["a cut .docx", () => docxBytes(["Kế hoạch"]).subarray(0, 200), 400, "DOCUMENT_FILE_MALFORMED"],
    ["a broken PDF", () => Buffer.from("%PDF-1.7\n1 0 obj garbage\n%%EOF"), 400, "DOCUMENT_FILE_MALFORMED"],
    [
      "a text file in an unknown code page",
      () => Buffer.from("façade résumé déjà", "latin1"),
      400,
      "DOCUMENT_FILE_TEXT_ENCODING",
    ],
  ])("refuses %s with its code and stores nothing", async (_, bytes, status, code) => {
    const before = await uploadCount();
    const response = await upload(staff, bytes(), "tep.docx");
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.message).not.toBe("");
    expect(await uploadCount()).toBe(before);
  });

  it("refuses a password-protected PDF", async () => {
    const response = await upload(staff, await encryptedPdfBytes(), "mat.pdf");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("DOCUMENT_FILE_ENCRYPTED");
  });

  it("refuses a file over the cap without keeping it", async () => {
    const before = await uploadCount();
    const response = await upload(staff, Buffer.alloc(30 * 1024 * 1024 + 10, 0x41), "lon.txt");
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("DOCUMENT_FILE_TOO_LARGE");
    expect(await uploadCount()).toBe(before);
  });

  it("answers 401 without a session, 404 to a reader who may not manage documents, 400 without a file", async () => {
    expect((await upload(null, docxBytes(["x"]))).statusCode).toBe(401);
    expect((await upload(reader, docxBytes(["x"]))).statusCode).toBe(404);
    const json = await t.call(staff, {
      method: "POST",
      url: "/api/document-uploads",
      payload: { file: "x" },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe("DOCUMENT_FILE_MISSING");
    const boundary = "----namroempty";
    const empty = await t.call(staff, {
      method: "POST",
      url: "/api/document-uploads",
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--${boundary}--\r\n`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("DOCUMENT_FILE_MISSING");
  });

  it("forgets uploads older than a day when the next one comes", async () => {
    const old = await uploaded(staff, docxBytes(["Văn bản cũ"]));
    await t.database.db
      .updateTable("documentUploads")
      .set({ createdAt: new Date("2026-06-13T00:00:00Z") })
      .where("id", "=", old.uploadId)
      .execute();
    await uploaded(staff, docxBytes(["Văn bản mới"]));
    const left = await t.database.db
      .selectFrom("documentUploads")
      .select("id")
      .where("id", "=", old.uploadId)
      .execute();
    expect(left).toEqual([]);
  });
});

async function planDocument(): Promise<number> {
  return (
    await createDocument(t.database.db, {
      ownerOrgId: p.province.id,
      typeAbbreviation: "KH",
      number: "12",
      issuerCodes: ["TU"],
      issuedOn: "2026-02-05",
      subject: "Thực hiện Kết luận 21-KL/TW",
    })
  ).id;
}

async function versionOf(id: number): Promise<number> {
  const row = await t.database.db
    .selectFrom("documents")
    .select("version")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.version;
}

const attach = (session: TestSession | null, id: number | string, payload: unknown) =>
  t.call(session, { method: "POST", url: `/api/documents/${id}/files`, payload: payload as object });

describe("POST /api/documents/:id/files", () => {
  it("attaches a main text: the text replaced, the search vector refreshed, references linked", async () => {
    const id = await planDocument();
    const { uploadId } = await uploaded(staff, sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU));
    const response = await attach(staff, id, { uploadId, version: await versionOf(id), replaceText: true });
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json() as DocumentDetail;
    expect(detail.files).toHaveLength(1);
    expect(detail.files[0]).toMatchObject({ kind: "docx", hasTextLayer: true, fileName: "ke-hoach.docx" });
    expect(detail).toMatchObject({ textSource: "docx", version: 2 });
    expect(detail.textLength).toBeGreaterThan(1000);
    const implemented = detail.outgoing
      .filter((r) => r.kind === "implements")
      .map((r) => r.document?.id ?? null);
    expect(implemented).toContain(conclusion21);
    // The document's own number is not a relation; the directive only another province holds becomes
    // this province's placeholder.
    expect(detail.outgoing.some((r) => r.document?.id === id)).toBe(false);
    expect(detail.outgoing.find((r) => r.quote?.includes("05-CT/TW"))?.document).toMatchObject({
      isPlaceholder: true,
      ownerOrgId: p.province.id,
    });
    expect(await searchVectorText(t.database.db, id)).toContain("'chinh'");
    const linkedTo05 = await t.database.db
      .selectFrom("documentRelations")
      .select("id")
      .where("fromDocumentId", "=", id)
      .where("toDocumentId", "=", directive05)
      .execute();
    expect(linkedTo05).toHaveLength(0);

    // The upload is taken once.
    const again = await attach(staff, id, { uploadId, version: 2 });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("DOCUMENT_UPLOAD_NOT_FOUND");
  });

  it("replaces the plain references of the old text by those of the new one, keeping what the plan implements and manual ones", async () => {
    const id = await planDocument();
    const first = await uploaded(staff, sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU));
    await attach(staff, id, { uploadId: first.uploadId, version: 1, replaceText: true });
    const project = (
      await createDocument(t.database.db, {
        ownerOrgId: p.province.id,
        typeAbbreviation: "ĐA",
        number: "02",
        issuerCodes: ["TU"],
      })
    ).id;
    const manual = await t.call(staff, {
      method: "POST",
      url: `/api/documents/${id}/relations`,
      payload: { kind: "refers_to", toDocumentId: project },
    });
    expect(manual.statusCode, manual.body).toBe(201);
    const second = await uploaded(staff, docxBytes(["KẾ HOẠCH", "Căn cứ Quy định số 37-QĐ/TW."]));
    const response = await attach(staff, id, {
      uploadId: second.uploadId,
      version: await versionOf(id),
      replaceText: true,
    });
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json() as DocumentDetail;
    const references = detail.outgoing.filter((r) => r.origin === "text" && r.kind === "refers_to");
    expect(references.map((r) => r.quote)).toEqual(["Quy định số 37-QĐ/TW"]);
    // The relation that says what the plan does stays, though the new text no longer cites it.
    expect(
      detail.outgoing.filter((r) => r.kind === "implements").map((r) => r.document?.id ?? null),
    ).toContain(conclusion21);
    expect(detail.textLength).toBe("KẾ HOẠCH\nCăn cứ Quy định số 37-QĐ/TW.".length);
    expect(detail.outgoing.filter((r) => r.origin === "manual").map((r) => r.document?.id)).toEqual([
      project,
    ]);
    expect(detail.files).toHaveLength(2);
  });

  it("attaches an annex without touching the text or the relations, so coverage stays as it was", async () => {
    const id = (
      await createDocument(t.database.db, {
        ownerOrgId: p.communeA.id,
        issuingOrgId: p.communeA.id,
        typeAbbreviation: "KH",
        number: null,
        issuerCodes: ["ĐU"],
        issuedOn: "2026-02-05",
        subject: "Thực hiện Kết luận 21-KL/TW",
      })
    ).id;
    const main = await uploaded(staff, sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU));
    const withText = (
      await attach(staff, id, { uploadId: main.uploadId, version: 1, replaceText: true })
    ).json() as DocumentDetail;
    const cascade = await createCascade(t.database.db, conclusion21, [p.communeA.id], "2026-03-31");
    const communeStanding = async () => {
      const url = `/api/document-cascades/${cascade}/coverage`;
      const coverage = (await t.call(staff, { method: "GET", url })).json() as CascadeCoverage;
      return coverage.targets.items.find((item) => item.orgId === p.communeA.id)?.status;
    };
    expect(await communeStanding()).toBe("on_time");

    const annex = await uploaded(
      staff,
      docxBytes(["PHỤ LỤC", "Danh mục nhiệm vụ", "Theo Quy định số 189-QĐ/TW và Chỉ thị số 88-CT/TU."]),
      "phu-luc.docx",
    );
    const response = await attach(staff, id, { uploadId: annex.uploadId, version: withText.version });
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json() as DocumentDetail;
    expect(detail.files).toHaveLength(2);
    expect(detail).toMatchObject({ textSource: "docx", textLength: withText.textLength });
    expect(detail.outgoing.map((r) => r.relationId).sort()).toEqual(
      withText.outgoing.map((r) => r.relationId).sort(),
    );
    expect(detail.outgoing.some((r) => r.quote?.includes("189-QĐ/TW"))).toBe(false);
    const text = await t.call(staff, { method: "GET", url: `/api/documents/${id}/text` });
    expect(text.json().text).not.toContain("PHỤ LỤC");
    expect(await communeStanding()).toBe("on_time");
  });

  it("attaches a text of 95,000 distinct codes (a vector past 1 MB in full) and keeps all of it", async () => {
    const id = await planDocument();
    const body = Array.from({ length: 95_000 }, (_, i) => `XK${String(i).padStart(7, "0")}`).join(" ");
    const file = await uploaded(staff, Buffer.from(body, "utf8"), "bang-ma.txt");
    const response = await attach(staff, id, { uploadId: file.uploadId, version: 1, replaceText: true });
    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as DocumentDetail).textLength).toBe(body.length);
    expect(await searchVectorText(t.database.db, id)).toContain("'xk0000001'");
  });

  it("keeps the text when the file has none (an image, a scan)", async () => {
    const id = await planDocument();
    const text = await uploaded(staff, docxBytes(["Thực hiện Kết luận số 21-KL/TW."]));
    const first = (await attach(staff, id, { uploadId: text.uploadId, version: 1 })).json() as DocumentDetail;
    // A document without text takes the file's, but links none of its references unasked.
    expect(first).toMatchObject({ textSource: "docx", textLength: "Thực hiện Kết luận số 21-KL/TW.".length });
    expect(first.outgoing).toEqual([]);
    const scan = await uploaded(staff, await scannedPdfBytes(1), "ban-quet.pdf");
    const response = await attach(staff, id, { uploadId: scan.uploadId, version: 2 });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ textSource: "docx", version: 3 });
    expect((response.json() as DocumentDetail).files.map((f) => f.hasTextLayer)).toEqual([true, false]);
  });

  it("refuses a stale version and leaves the upload for another try", async () => {
    const id = await planDocument();
    const { uploadId } = await uploaded(staff, docxBytes(["Nội dung"]));
    const stale = await attach(staff, id, { uploadId, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("DOCUMENT_VERSION_CONFLICT");
    expect((await attach(staff, id, { uploadId, version: 1 })).statusCode).toBe(201);
  });

  it("answers 404 for another account's upload and for a document outside the scope", async () => {
    const id = await planDocument();
    const mine = await uploaded(otherStaff, docxBytes(["Của tỉnh khác"]));
    const foreignUpload = await attach(staff, id, { uploadId: mine.uploadId, version: 1 });
    expect(foreignUpload.statusCode).toBe(404);
    expect(foreignUpload.json().error.code).toBe("DOCUMENT_UPLOAD_NOT_FOUND");
    const outside = await attach(otherStaff, id, { uploadId: mine.uploadId, version: 1 });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("DOCUMENT_NOT_FOUND");
    expect(await versionOf(id)).toBe(1);
  });

  it("answers 401 without a session and 400 with the fields named", async () => {
    expect((await attach(null, 1, { uploadId: crypto.randomUUID(), version: 1 })).statusCode).toBe(401);
    const badId = await attach(staff, "abc", { uploadId: crypto.randomUUID(), version: 1 });
    expect(badId.statusCode).toBe(400);
    expect((badId.json().error.issues as { path: string }[]).map((i) => i.path)).toEqual(["params.id"]);
    const badBody = await attach(staff, 1, { uploadId: "nope", version: 0 });
    expect(badBody.statusCode).toBe(400);
    const paths = (badBody.json().error.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.uploadId", "body.version"]));
  });
});

describe("GET /api/documents/:id/files/:fileId", () => {
  let documentId: number;
  let fileId: number;
  const bytes = sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU);

  beforeAll(async () => {
    documentId = await planDocument();
    const { uploadId } = await uploaded(staff, bytes, "Kế hoạch số 12 (Tỉnh ủy).docx");
    const detail = (await attach(staff, documentId, { uploadId, version: 1 })).json() as DocumentDetail;
    fileId = detail.files[0]?.id ?? 0;
  });

  it("returns the exact bytes with their type and a UTF-8 file name", async () => {
    const response = await t.call(staff, {
      method: "GET",
      url: `/api/documents/${documentId}/files/${fileId}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(response.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="Ke hoach so 12 (Tinh uy).docx"; filename*=UTF-8''${encodeURIComponent("Kế hoạch số 12 (Tỉnh ủy).docx").replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
  });

  it("lets a reader of the document download, and no one outside", async () => {
    await t.database.db
      .insertInto("documentRecipients")
      .values({ documentId, orgId: p.communeA.id })
      .execute();
    const url = `/api/documents/${documentId}/files/${fileId}`;
    expect((await t.call(reader, { method: "GET", url })).statusCode).toBe(200);
    const outside = await t.call(otherStaff, { method: "GET", url });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("DOCUMENT_NOT_FOUND");
    expect((await t.call(null, { method: "GET", url })).statusCode).toBe(401);
  });

  it("answers 404 for a file of another document and 400 for bad ids", async () => {
    const other = await planDocument();
    const wrong = await t.call(staff, { method: "GET", url: `/api/documents/${other}/files/${fileId}` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe("DOCUMENT_FILE_NOT_FOUND");
    const bad = await t.call(staff, { method: "GET", url: "/api/documents/x/files/0" });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.issues as { path: string }[]).map((i) => i.path)).toEqual(
      expect.arrayContaining(["params.id", "params.fileId"]),
    );
  });
});
