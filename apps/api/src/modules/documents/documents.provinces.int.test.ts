// Two provinces in one installation: each registers its own copy of a central or state document, a
// reference means a document of the citing holder's lineage (never another province's or a sibling
// commune's), placeholders are completed only by whoever may see them, two completions at once leave
// one winner, a document cited both by number and by name becomes one, and a document's detail lists
// a bounded number of the relations to it — only those from documents the reader may see.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DocumentDetail } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import { INCOMING_RELATIONS_SHOWN } from "./documents.detail.ts";

let t: TestApp;
let p1: Awaited<ReturnType<typeof createProvince>>;
let p2: Awaited<ReturnType<typeof createProvince>>;
let admin1: TestSession;
let admin2: TestSession;
let commune1: TestSession;
let commune1B: TestSession;
let commune2: TestSession;
const types = new Map<string, number>();

const typeId = (key: string) => {
  const id = types.get(key);
  if (id === undefined) throw new Error(`no type ${key}`);
  return id;
};

async function register(session: TestSession, fields: Record<string, unknown>) {
  return t.call(session, {
    method: "POST",
    url: "/api/documents",
    payload: {
      typeId: typeId("party:KL"),
      issuerCodes: ["TW"],
      issuedOn: "2021-10-25",
      subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng",
      ...fields,
    },
  });
}

async function registered(session: TestSession, fields: Record<string, unknown>): Promise<DocumentDetail> {
  const response = await register(session, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as DocumentDetail;
}

async function detail(session: TestSession, id: number): Promise<DocumentDetail> {
  const response = await t.call(session, { method: "GET", url: `/api/documents/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as DocumentDetail;
}

/** An upload holding `body` as its text, as the upload route leaves it. */
async function uploadOf(session: TestSession, body: string): Promise<string> {
  const row = await t.database.db
    .insertInto("documentUploads")
    .values({
      accountId: session.accountId,
      fileName: "ke-hoach.txt",
      mediaType: "text/plain",
      kind: "txt",
      sizeBytes: Buffer.byteLength(body),
      sha256: "0".repeat(64),
      hasTextLayer: null,
      pageCount: null,
      content: Buffer.from(body),
      body,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A commune's plan whose text cites what `text` says, every reference linked. */
async function planCiting(
  session: TestSession,
  ownerOrgId: number,
  number: string,
  text: string,
  references = 1,
): Promise<DocumentDetail> {
  return registered(session, {
    typeId: typeId("party:KH"),
    issuerCodes: ["ĐU"],
    number,
    ownerOrgId,
    issuedOn: "2026-02-01",
    subject: "Kế hoạch thực hiện",
    uploadId: await uploadOf(session, text),
    relations: Array.from({ length: references }, (_, referenceIndex) => ({
      kind: "implements",
      referenceIndex,
    })),
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-01T03:00:00Z" });
  p1 = await createProvince(t.database.db);
  p2 = await createProvince(t.database.db);
  for (const row of await t.database.db
    .selectFrom("documentTypes")
    .select(["id", "system", "abbreviation"])
    .execute()) {
    const key = `${row.system}:${row.abbreviation}`;
    if (!types.has(key)) types.set(key, row.id);
  }
  admin1 = await t.actor([{ role: "system_admin", orgId: p1.province.id }]);
  admin2 = await t.actor([{ role: "system_admin", orgId: p2.province.id }]);
  commune1 = await t.actor([{ role: "committee_staff", orgId: p1.communeA.id }]);
  commune1B = await t.actor([{ role: "committee_staff", orgId: p1.communeB.id }]);
  commune2 = await t.actor([{ role: "committee_staff", orgId: p2.communeA.id }]);
});
afterAll(async () => {
  await t.close();
});

describe("central and state documents in two provinces", () => {
  it("are registered once in each province tree, a second copy in one tree refused", async () => {
    const central = { number: "21", issuedOn: "2021-10-25" };
    const one = await registered(admin1, { ...central, ownerOrgId: p1.province.id });
    const two = await registered(admin2, { ...central, ownerOrgId: p2.province.id });
    expect(two.id).not.toBe(one.id);
    expect(two.symbol).toBe("21-KL/TW");
    const again = await register(admin1, { ...central, ownerOrgId: p1.communeA.id });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: "DOCUMENT_NUMBER_TAKEN", issues: [{ path: "body.number" }] },
    });
    const decree = {
      typeId: typeId("state:NĐ"),
      issuerCodes: ["CP"],
      number: "30/2020",
      issuedOn: "2020-03-05",
      subject: "Về công tác văn thư",
    };
    await registered(admin1, { ...decree, ownerOrgId: p1.province.id });
    await registered(admin2, { ...decree, ownerOrgId: p2.province.id });
    const congress = {
      typeId: typeId("party:NQ"),
      issuedOn: "2026-01-23",
      citation: "Nghị quyết Đại hội XIV",
      subject: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV",
    };
    await registered(admin1, { ...congress, ownerOrgId: p1.province.id });
    await registered(admin2, { ...congress, ownerOrgId: p2.province.id });
    const named = await register(admin2, { ...congress, ownerOrgId: p2.communeB.id });
    expect(named.json()).toMatchObject({
      error: { code: "DOCUMENT_NUMBER_TAKEN", issues: [{ path: "body.citation" }] },
    });
  });
});

describe("migration 0013", () => {
  it("gives keys written before it their province tree, once", async () => {
    const doc = await registered(admin2, {
      number: "99",
      issuedOn: "2024-04-04",
      ownerOrgId: p2.communeB.id,
    });
    const local = await registered(admin2, {
      typeId: typeId("party:KH"),
      issuerCodes: ["TU"],
      issuingOrgId: p2.province.id,
      number: "77",
      issuedOn: "2024-04-04",
      ownerOrgId: p2.province.id,
    });
    const keysOf = async (id: number) =>
      t.database.db
        .selectFrom("documents")
        .select(["numberKey", "citationKey"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    const scoped = await keysOf(doc.id);
    const localKey = (await keysOf(local.id)).numberKey;
    expect(scoped.numberKey).toMatch(new RegExp(`\\|r:${p2.province.id}$`));
    expect(localKey).not.toContain("|r:");
    await sql`UPDATE documents SET number_key = regexp_replace(number_key, '\\|r:[0-9]+$', '') WHERE id = ${doc.id}`.execute(
      t.database.db,
    );
    const migration = readFileSync(
      join(import.meta.dirname, "../../db/migrations/0013_document_keys_per_tree.sql"),
      "utf8",
    );
    const statements = migration
      .split(/;\s*\n/)
      .map((statement) => statement.replace(/^--.*$/gm, "").trim())
      .filter((statement) => statement !== "");
    for (let run = 0; run < 2; run += 1) {
      for (const statement of statements) await sql.raw(statement).execute(t.database.db);
    }
    expect(await keysOf(doc.id)).toEqual(scoped);
    expect((await keysOf(local.id)).numberKey).toBe(localKey);
  });
});

describe("references across provinces", () => {
  it("link the citing holder's own lineage: its province's copy, its own committee's number", async () => {
    const central = { number: "366", typeId: typeId("party:QĐ"), issuedOn: "2021-08-24" };
    const ofP1 = await registered(admin1, { ...central, ownerOrgId: p1.province.id });
    const ofP2 = await registered(admin2, { ...central, ownerOrgId: p2.province.id });
    // Commune A of province 1 registered its own 01-NQ/ĐU; commune A of province 2 has not.
    const ownResolution = await registered(commune1, {
      typeId: typeId("party:NQ"),
      issuerCodes: ["ĐU"],
      number: "01",
      ownerOrgId: p1.communeA.id,
      issuedOn: "2026-01-10",
    });
    const text =
      "Căn cứ Quy định số 366-QĐ/TW ngày 24/8/2021 và Nghị quyết số 01-NQ/ĐU ngày 10/01/2026 của Đảng ủy xã.";
    const plan2 = await planCiting(commune2, p2.communeA.id, "05", text, 2);
    const [toCentral, toResolution] = plan2.outgoing;
    expect(toCentral?.document?.id ?? (await relationTarget(plan2.id, 0))).toBe(ofP2.id);
    expect(await relationTarget(plan2.id, 1)).not.toBe(ownResolution.id);
    expect(toResolution?.document).toMatchObject({
      symbol: "01-NQ/ĐU",
      isPlaceholder: true,
      ownerOrgId: p2.communeA.id,
    });
    // The same text in province 1: its copy of 366-QĐ/TW, its commune's resolution.
    const plan1 = await planCiting(commune1, p1.communeA.id, "06", text, 2);
    expect(await relationTarget(plan1.id, 0)).toBe(ofP1.id);
    expect(await relationTarget(plan1.id, 1)).toBe(ownResolution.id);
    // Commune B of province 1 means its own 01-NQ/ĐU, not its sibling's.
    const planB = await planCiting(commune1B, p1.communeB.id, "07", text, 2);
    expect(await relationTarget(planB.id, 1)).not.toBe(ownResolution.id);
    expect(planB.outgoing[1]?.document).toMatchObject({ isPlaceholder: true, ownerOrgId: p1.communeB.id });
    // Read back as text: references resolve the same way, another province's copy never named.
    const read = await t.call(commune2, { method: "GET", url: `/api/documents/${plan2.id}/text` });
    const found = (read.json() as { references: { matched: boolean; document: { id: number } | null }[] })
      .references;
    expect(found.map((reference) => reference.document?.id ?? null)).not.toContain(ofP1.id);
    expect(found.map((reference) => reference.matched)).toEqual([true, true]);
  });

  it("complete only a placeholder the registering reader may see, in the new holder's lineage", async () => {
    // Province 1 cites 05-CT/TW without a date: a placeholder without number key, held by province 1.
    const citing = await planCiting(admin1, p1.province.id, "08", "Thực hiện Chỉ thị số 05-CT/TW.");
    const placeholder = citing.outgoing[0]?.document;
    expect(placeholder).toMatchObject({
      symbol: "05-CT/TW",
      isPlaceholder: true,
      ownerOrgId: p1.province.id,
    });
    const directive = {
      typeId: typeId("party:CT"),
      number: "05",
      issuedOn: "2016-05-15",
      subject: "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    };
    const ofP2 = await registered(admin2, { ...directive, ownerOrgId: p2.province.id });
    expect(ofP2.id).not.toBe(placeholder?.id);
    const kept = await detail(admin1, placeholder?.id as number);
    expect(kept).toMatchObject({ isPlaceholder: true, ownerOrgId: p1.province.id });
    // Commune B of province 1 cannot see the province's placeholder (not addressed to it): its own entry.
    const ofCommuneB = await register(commune1B, { ...directive, ownerOrgId: p1.communeB.id });
    expect(ofCommuneB.statusCode, ofCommuneB.body).toBe(201);
    expect((ofCommuneB.json() as DocumentDetail).id).not.toBe(placeholder?.id);
    expect(await detail(admin1, placeholder?.id as number)).toMatchObject({ isPlaceholder: true });
  });

  it("complete a placeholder once when two registrations arrive at the same moment, audited as an update", async () => {
    const citing = await planCiting(
      admin1,
      p1.province.id,
      "09",
      "Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị.",
    );
    const placeholderId = citing.outgoing[0]?.document?.id as number;
    const conclusion = {
      number: "01",
      issuedOn: "2021-05-18",
      subject: "Về tiếp tục thực hiện Chỉ thị 05-CT/TW",
      ownerOrgId: p1.province.id,
    };
    const answers = await Promise.all([register(admin1, conclusion), register(admin1, conclusion)]);
    expect(answers.map((answer) => answer.statusCode).sort((a, b) => a - b)).toEqual([201, 409]);
    const winner = answers.find((answer) => answer.statusCode === 201)?.json() as DocumentDetail;
    expect(winner).toMatchObject({ id: placeholderId, isPlaceholder: false });
    const audits = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "before", "after"])
      .where("entityType", "=", "document")
      .where("entityId", "=", String(placeholderId))
      .orderBy("id")
      .execute();
    expect(audits.map((audit) => audit.action)).toEqual(["document.create", "document.update"]);
    expect(audits[1]).toMatchObject({
      before: { isPlaceholder: true, subject: "" },
      after: { isPlaceholder: false, completedPlaceholder: true },
    });
  });

  it("merge the placeholders of one document cited by number and by name when it is registered", async () => {
    const citing = await planCiting(
      admin1,
      p1.province.id,
      "10",
      "Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 và Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng.",
      2,
    );
    const [byNumber, byName] = citing.outgoing.map((relation) => relation.document?.id as number);
    expect(byNumber).not.toBe(byName);
    const resolution = await registered(admin1, {
      typeId: typeId("party:NQ"),
      number: "04",
      issuedOn: "2016-10-30",
      citation: "Nghị quyết Trung ương 4 (khóa XII)",
      subject: "Về tăng cường xây dựng, chỉnh đốn Đảng",
      ownerOrgId: p1.province.id,
    });
    expect([byNumber, byName]).toContain(resolution.id);
    expect(resolution.incoming.map((relation) => relation.document?.id)).toEqual([citing.id]);
    const gone = byNumber === resolution.id ? byName : byNumber;
    expect((await t.call(admin1, { method: "GET", url: `/api/documents/${gone}` })).statusCode).toBe(404);
    const after = await detail(admin1, citing.id);
    expect(after.outgoing.map((relation) => relation.document?.id)).toEqual([resolution.id]);
    const mergedAudit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "after"])
      .where("entityType", "=", "document")
      .where("entityId", "=", String(gone))
      .orderBy("id", "desc")
      .executeTakeFirst();
    expect(mergedAudit).toMatchObject({ action: "document.update", after: { mergedInto: resolution.id } });
  });
});

describe("relations to a much cited document", () => {
  it("lists the newest ones the reader may see, and counts the rest", async () => {
    const cited = await registered(admin2, {
      number: "35",
      issuedOn: "2022-05-05",
      ownerOrgId: p2.province.id,
    });
    const extra = 3;
    const count = INCOMING_RELATIONS_SHOWN + extra;
    // Plans of commune A (visible to the province) cite it; built in SQL, the HTTP path is tested above.
    await sql`
      WITH plans AS (
        INSERT INTO documents (owner_org_id, system, type_id, type_abbreviation, issuer_codes, issued_on, subject)
        SELECT ${p2.communeA.id}, 'party', ${typeId("party:KH")}, 'KH', ARRAY['ĐU'], DATE '2026-01-01', 'Kế hoạch ' || g
        FROM generate_series(1, ${count}) g
        RETURNING id
      )
      INSERT INTO document_relations (from_document_id, to_document_id, kind, origin)
      SELECT id, ${cited.id}, 'implements', 'manual' FROM plans`.execute(t.database.db);
    const seen = await detail(admin2, cited.id);
    expect(seen.incoming).toHaveLength(INCOMING_RELATIONS_SHOWN);
    expect(seen).toMatchObject({ incomingTotal: count, incomingHiddenCount: 0 });
    const ids = seen.incoming.map((relation) => relation.relationId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // Province 2's other commune may not read commune A's plans: it sees the document, not who cites it.
    await sql`INSERT INTO document_recipients (document_id, org_id) VALUES (${cited.id}, ${p2.communeB.id})`.execute(
      t.database.db,
    );
    const commune2B = await t.actor([{ role: "committee_staff", orgId: p2.communeB.id }]);
    const hidden = await detail(commune2B, cited.id);
    expect(hidden).toMatchObject({ incoming: [], incomingTotal: count, incomingHiddenCount: count });
  });
});

/** The document the n-th relation (in text order) of `fromId` points at, visible or not. */
async function relationTarget(fromId: number, index: number): Promise<number | undefined> {
  const rows = await t.database.db
    .selectFrom("documentRelations")
    .select("toDocumentId")
    .where("fromDocumentId", "=", fromId)
    .orderBy("quoteStart")
    .execute();
  return rows[index]?.toDocumentId;
}
