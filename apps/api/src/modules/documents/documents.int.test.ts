// The register's records over HTTP: registering (numbers, terms, series, duplicates), reading within
// the visibility rule, editing, placeholders from references, relations both ways and the graph.
import type { DocumentDetail, DocumentGraph } from "@namro/contracts";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

const byNumber = (a: number | undefined, b: number | undefined) => (a ?? 0) - (b ?? 0);

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let admin: TestSession;
let communeStaff: TestSession;
let communeBStaff: TestSession;
let communeLeader: TestSession;
let communeSecretary: TestSession;
const types = new Map<string, number>();
let twTermXII: number;
let twTermXIII: number;
let provinceOldTerm: number;
let provinceTerm: number;

const typeId = (key: string) => {
  const id = types.get(key);
  if (id === undefined) throw new Error(`no type ${key}`);
  return id;
};

async function post(session: TestSession | null, url: string, payload: object) {
  return t.call(session, { method: "POST", url, payload });
}

/** Registers a document as the root administrator; the defaults make a Party conclusion of the TW. */
async function register(fields: Record<string, unknown>, session: TestSession = admin) {
  return post(session, "/api/documents", {
    typeId: typeId("party:KL"),
    issuerCodes: ["TW"],
    issuedOn: "2021-10-25",
    subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng",
    ownerOrgId: fx.province.id,
    ...fields,
  });
}

async function registered(
  fields: Record<string, unknown>,
  session: TestSession = admin,
): Promise<DocumentDetail> {
  const response = await register(fields, session);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as DocumentDetail;
}

async function term(owner: { orgId?: number; issuerCode?: string }, startsOn: string, endsOn: string | null) {
  const response = await post(admin, "/api/committee-terms", {
    ...owner,
    label: `Nhiệm kỳ ${startsOn.slice(0, 4)}`,
    startsOn,
    endsOn,
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: number }).id;
}

/** An upload row as helper B's upload route leaves it, holding `body` as its text. */
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

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-01T03:00:00Z" });
  fx = await createProvince(t.database.db);
  for (const row of await t.database.db
    .selectFrom("documentTypes")
    .select(["id", "system", "abbreviation", "nameVi"])
    .execute()) {
    const key = `${row.system}:${row.abbreviation}`;
    if (!types.has(key)) types.set(key, row.id);
    types.set(`${key}:${row.nameVi}`, row.id);
  }
  const twTerms = await t.database.db
    .selectFrom("committeeTerms")
    .select(["id", "label"])
    .where("issuerCode", "=", "TW")
    .execute();
  twTermXII = twTerms.find((row) => row.label === "Khóa XII")?.id as number;
  twTermXIII = twTerms.find((row) => row.label === "Khóa XIII")?.id as number;
  admin = await t.actor([{ role: "system_admin", orgId: fx.province.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeA.id }]);
  communeBStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeB.id }]);
  communeLeader = await t.actor([{ role: "committee_leader", orgId: fx.communeA.id }]);
  communeSecretary = await t.actor([{ role: "cell_secretary", orgId: fx.communeA.id }]);
  provinceOldTerm = await term({ orgId: fx.province.id }, "2020-10-15", "2025-10-14");
  provinceTerm = await term({ orgId: fx.province.id }, "2025-10-15", null);
});
afterAll(async () => {
  await t.close();
});

describe("registering a document", () => {
  it("answers 401 without a session and 400 with every field path", async () => {
    expect((await register({}, null as unknown as TestSession)).statusCode).toBe(401);
    const response = await post(admin, "/api/documents", {
      typeId: -1,
      issuerCodes: [],
      subject: "",
      ownerOrgId: fx.province.id,
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json() as { error: { issues: { path: string }[] } }).error.issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining(["body.typeId", "body.issuerCodes", "body.issuedOn", "body.subject"]),
    );
  });

  it("formats the symbol, finds the issuer's term and answers the whole record", async () => {
    const doc = await registered({ number: "21", place: "Hà Nội", signer: "Nguyễn Văn A" });
    expect(doc).toMatchObject({
      symbol: "21-KL/TW",
      number: "21",
      system: "party",
      typeAbbreviation: "KL",
      typeName: "Kết luận",
      issuerCodes: ["TW"],
      termId: twTermXIII,
      termLabel: "Khóa XIII",
      ownerOrgId: fx.province.id,
      ownerOrgName: fx.province.name,
      issuingOrgId: null,
      isPlaceholder: false,
      status: "in_force",
      confidentiality: "normal",
      recipients: [],
      files: [],
      outgoing: [],
      incoming: [],
      cascadeCount: 0,
      version: 1,
      canEdit: true,
      textSource: null,
      textLength: 0,
    });
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "after"])
      .where("entityType", "=", "document")
      .where("entityId", "=", String(doc.id))
      .execute();
    expect(audit).toEqual([expect.objectContaining({ action: "document.create" })]);
  });

  it("pads numbers below 10 and refuses a number taken in the same term, not in another", async () => {
    expect(
      (await registered({ typeId: typeId("party:CT"), number: "5", issuedOn: "2021-06-01" })).symbol,
    ).toBe("05-CT/TW");
    const again = await register({ typeId: typeId("party:CT"), number: "05", issuedOn: "2022-01-10" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: "DOCUMENT_NUMBER_TAKEN", issues: [{ path: "body.number" }] },
    });
    const older = await registered({ typeId: typeId("party:CT"), number: "05", issuedOn: "2016-05-15" });
    expect(older).toMatchObject({ symbol: "05-CT/TW", termId: twTermXII });
  });

  it("registers state documents by their own numbering", async () => {
    const decree = await registered({
      typeId: typeId("state:NĐ"),
      number: "30/2020",
      issuerCodes: ["CP"],
      issuedOn: "2020-03-05",
    });
    expect(decree).toMatchObject({
      symbol: "30/2020/NĐ-CP",
      number: "30/2020",
      system: "state",
      termId: null,
    });
    const duplicate = await register({
      typeId: typeId("state:NĐ"),
      number: "30/2020",
      issuerCodes: ["CP"],
      issuedOn: "2020-03-06",
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it("refuses bad numbers, types, issuers, dates and organisations with the field named", async () => {
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ number: "21a" }, 400, "DOCUMENT_NUMBER_INVALID", "body.number"],
      [{ number: "0" }, 400, "DOCUMENT_NUMBER_INVALID", "body.number"],
      [{ typeId: 999_999 }, 400, "DOCUMENT_TYPE_UNKNOWN", "body.typeId"],
      [{ issuerCodes: ["TW", "XYZ"] }, 400, "DOCUMENT_ISSUER_UNKNOWN", "body.issuerCodes.1"],
      [{ issuerCodes: ["CP"] }, 400, "DOCUMENT_ISSUER_UNKNOWN", "body.issuerCodes.0"],
      [{ issuedOn: "2026-06-02", number: "99" }, 400, "DOCUMENT_DATE_IN_FUTURE", "body.issuedOn"],
      [{ citation: "Chỉ thị 05-CT/TW" }, 400, "DOCUMENT_CITATION_INVALID", "body.citation"],
    ];
    for (const [fields, status, code, path] of cases) {
      const response = await register({ number: "98", ...fields });
      expect(response.statusCode, JSON.stringify(fields)).toBe(status);
      expect(response.json(), JSON.stringify(fields)).toMatchObject({ error: { code, issues: [{ path }] } });
    }
    const outsideOwner = await register({ number: "97", ownerOrgId: fx.communeB.id }, communeStaff);
    expect(outsideOwner.statusCode).toBe(404);
    const outsideIssuer = await register(
      {
        typeId: typeId("party:KH"),
        issuerCodes: ["TU"],
        issuingOrgId: fx.province.id,
        ownerOrgId: fx.communeA.id,
      },
      communeStaff,
    );
    expect(outsideIssuer.json()).toMatchObject({
      error: { code: "DOCUMENT_ORG_OUTSIDE_SCOPE", issues: [{ path: "body.issuingOrgId" }] },
    });
    const outsideRecipient = await register(
      { number: "96", ownerOrgId: fx.communeA.id, recipientOrgIds: [fx.cellA.id, fx.communeB.id] },
      communeStaff,
    );
    expect(outsideRecipient.json()).toMatchObject({
      error: { code: "DOCUMENT_ORG_OUTSIDE_SCOPE", issues: [{ path: "body.recipientOrgIds.1" }] },
    });
    const nothing = await t.database.db
      .selectFrom("documents")
      .select("id")
      .where("number", "in", ["98", "97", "96"])
      .execute();
    expect(nothing).toEqual([]);
  });
});

describe("numbering in Năm Rõ", () => {
  const plan = (fields: Record<string, unknown> = {}) => ({
    typeId: typeId("party:KH"),
    issuerCodes: ["TU"],
    issuingOrgId: fx.province.id,
    issuedOn: "2026-03-02",
    subject: "Kế hoạch thực hiện Kết luận số 21-KL/TW",
    ...fields,
  });

  it("gives the next number of the type in the committee's current term, and restarts in a new term", async () => {
    const first = await registered(plan());
    const second = await registered(plan());
    expect([first.symbol, second.symbol]).toEqual(["01-KH/TU", "02-KH/TU"]);
    expect(first.termId).toBe(provinceTerm);
    const older = await registered(plan({ issuedOn: "2024-05-05" }));
    expect(older).toMatchObject({ symbol: "01-KH/TU", termId: provinceOldTerm });
    // A number given by hand takes its place in the series; the next one follows it.
    expect((await registered(plan({ number: "10" }))).symbol).toBe("10-KH/TU");
    expect((await registered(plan())).symbol).toBe("11-KH/TU");
  });

  it("numbers Quyết định and Quy định in one QĐ series", async () => {
    const decision = await registered(plan({ typeId: typeId("party:QĐ:Quyết định"), issuerCodes: ["TU"] }));
    const regulation = await registered(plan({ typeId: typeId("party:QĐ:Quy định"), issuerCodes: ["TU"] }));
    expect([decision.symbol, regulation.symbol]).toEqual(["01-QĐ/TU", "02-QĐ/TU"]);
    expect([decision.typeName, regulation.typeName]).toEqual(["Quyết định", "Quy định"]);
  });

  it("numbers a department's documents in its committee's term", async () => {
    const office = await registered(plan({ issuerCodes: ["VPTU"], issuingOrgId: fx.office.id }));
    expect(office).toMatchObject({ symbol: "01-KH/VPTU", termId: provinceTerm, issuingOrgId: fx.office.id });
  });

  it("needs a term for the next number", async () => {
    const response = await register(
      {
        typeId: typeId("party:KH"),
        issuerCodes: ["ĐU"],
        issuingOrgId: fx.communeA.id,
        ownerOrgId: fx.communeA.id,
      },
      communeStaff,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "DOCUMENT_TERM_NOT_FOUND" } });
  });

  it("gives documents registered at the same moment distinct numbers", async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => register(plan({ typeId: typeId("party:BC") }))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const symbols = responses
      .map((r) => (r.json() as DocumentDetail).symbol)
      .sort((a, b) => String(a).localeCompare(String(b)));
    expect(symbols).toEqual(["01-BC/TU", "02-BC/TU", "03-BC/TU", "04-BC/TU", "05-BC/TU", "06-BC/TU"]);
  });

  it("refuses an explicit term of another committee or not containing the date", async () => {
    const response = await register(plan({ termId: twTermXIII }));
    expect(response.json()).toMatchObject({
      error: { code: "DOCUMENT_TERM_NOT_FOUND", issues: [{ path: "body.termId" }] },
    });
    const wrongDate = await register(plan({ termId: provinceOldTerm }));
    expect(wrongDate.json()).toMatchObject({ error: { code: "DOCUMENT_TERM_NOT_FOUND" } });
  });
});

describe("reading within the visibility rule", () => {
  it("shows a document to its holder's subtree and its recipients only; confidential ones need the permission", async () => {
    const addressed = await registered({ number: "301", recipientOrgIds: [fx.communeA.id] });
    const secret = await registered({
      number: "302",
      recipientOrgIds: [fx.communeA.id],
      confidentiality: "confidential",
    });
    const internal = await registered({ number: "303" });
    const get = (session: TestSession, id: number) =>
      t.call(session, { method: "GET", url: `/api/documents/${id}` });
    expect((await get(communeSecretary, addressed.id)).statusCode).toBe(200);
    expect((await get(communeSecretary, addressed.id)).json()).toMatchObject({
      recipients: [{ orgId: fx.communeA.id, orgName: fx.communeA.name }],
      canEdit: false,
    });
    expect((await get(communeBStaff, addressed.id)).statusCode).toBe(404);
    expect((await get(communeSecretary, secret.id)).statusCode).toBe(404);
    // A secretary may not mark a document of theirs confidential: they would lose sight of it.
    const classified = await register(
      { number: "304", ownerOrgId: fx.communeA.id, issuerCodes: ["ĐU"], confidentiality: "confidential" },
      communeSecretary,
    );
    expect(classified.statusCode).toBe(403);
    expect(classified.json()).toMatchObject({
      error: { code: "ACCESS_DENIED", issues: [{ path: "body.confidentiality" }] },
    });
    expect((await get(communeLeader, secret.id)).statusCode).toBe(200);
    expect((await get(communeStaff, internal.id)).statusCode).toBe(404);
    expect((await t.call(null, { method: "GET", url: `/api/documents/${internal.id}` })).statusCode).toBe(
      401,
    );
    expect((await get(admin, 999_999_999)).statusCode).toBe(404);
    expect((await t.call(admin, { method: "GET", url: "/api/documents/abc" })).json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", issues: [{ path: "params.id" }] },
    });
  });
});

describe("editing", () => {
  it("applies only what is sent, checks the version and audits before and after", async () => {
    const doc = await registered({ number: "401", recipientOrgIds: [fx.communeA.id], status: "in_force" });
    const url = `/api/documents/${doc.id}`;
    const edited = await t.call(admin, {
      method: "PATCH",
      url,
      payload: { version: 1, subject: "Trích yếu mới", status: "amended" },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      subject: "Trích yếu mới",
      status: "amended",
      symbol: "21-KL/TW".replace("21", "401"),
      recipients: [{ orgId: fx.communeA.id }],
      version: 2,
    });
    const stale = await t.call(admin, { method: "PATCH", url, payload: { version: 1, subject: "Khác" } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: "DOCUMENT_VERSION_CONFLICT" } });
    const renumbered = await t.call(admin, { method: "PATCH", url, payload: { version: 2, number: "402" } });
    expect(renumbered.json()).toMatchObject({ symbol: "402-KL/TW", version: 3 });
    const taken = await t.call(admin, { method: "PATCH", url, payload: { version: 3, number: "21" } });
    expect(taken.json()).toMatchObject({ error: { code: "DOCUMENT_NUMBER_TAKEN" } });
    const bad = await t.call(admin, {
      method: "PATCH",
      url,
      payload: { version: 3, issuedOn: "25/10/2021" },
    });
    expect(bad.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", issues: [{ path: "body.issuedOn" }] },
    });
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["before", "after"])
      .where("action", "=", "document.update")
      .where("entityId", "=", String(doc.id))
      .orderBy("id")
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      before: { subject: doc.subject, status: "in_force" },
      after: { subject: "Trích yếu mới" },
    });
    // Addressed to commune A: its staff see it but may not edit it; commune B does not see it.
    const asRecipient = await t.call(communeStaff, {
      method: "PATCH",
      url,
      payload: { version: 3, subject: "X" },
    });
    expect(asRecipient.statusCode).toBe(403);
    const outside = await t.call(communeBStaff, {
      method: "PATCH",
      url,
      payload: { version: 3, subject: "X" },
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe("references, placeholders and relations", () => {
  const planText = [
    "ĐẢNG BỘ TỈNH",
    "Thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Ban Chấp hành Trung ương Đảng khóa XIII,",
    "Chỉ thị 07-CT/TW của Bộ Chính trị, Nghị quyết Trung ương 4 (khóa XII) và Nghị định 31/2021/NĐ-CP,",
    "Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau.",
  ].join("\n");

  it("links found references, creating placeholders once and completing them later", async () => {
    const uploadId = await uploadOf(admin, planText);
    const plan = await registered({
      typeId: typeId("party:KH"),
      issuerCodes: ["TU"],
      issuingOrgId: fx.province.id,
      issuedOn: "2026-04-01",
      uploadId,
      relations: [0, 1, 2, 3].map((referenceIndex) => ({ kind: "implements", referenceIndex })),
    });
    expect(plan).toMatchObject({ textSource: "txt", textLength: planText.length });
    expect(plan.files).toEqual([expect.objectContaining({ fileName: "ke-hoach.txt", kind: "txt" })]);
    expect(plan.outgoing).toHaveLength(4);
    const [conclusion, directive, named, decree] = plan.outgoing;
    expect(conclusion).toMatchObject({
      kind: "implements",
      origin: "text",
      quote: "Kết luận số 21-KL/TW, ngày 25.10.2021",
      document: { symbol: "21-KL/TW", isPlaceholder: false },
    });
    expect(planText.slice(conclusion?.quoteStart ?? 0, conclusion?.quoteEnd ?? 0)).toBe(conclusion?.quote);
    expect(directive?.document).toMatchObject({
      symbol: "07-CT/TW",
      isPlaceholder: true,
      ownerOrgId: fx.province.id,
    });
    expect(named?.document).toMatchObject({
      citation: "Nghị quyết Trung ương 4 (khóa XII)",
      isPlaceholder: true,
    });
    expect(decree?.document).toMatchObject({ symbol: "31/2021/NĐ-CP", system: "state", isPlaceholder: true });

    // A second document citing the same directive links the same placeholder.
    const second = await registered({
      typeId: typeId("party:BC"),
      issuerCodes: ["TU"],
      number: "77",
      issuedOn: "2026-04-02",
      uploadId: await uploadOf(admin, "Báo cáo kết quả thực hiện Chỉ thị 07-CT/TW."),
      relations: [{ kind: "refers_to", referenceIndex: 0 }],
    });
    expect(second.outgoing[0]?.document?.id).toBe(directive?.document?.id);
    const copies = await t.database.db
      .selectFrom("documents")
      .select("id")
      .where("symbol", "=", "07-CT/TW")
      .execute();
    expect(copies).toHaveLength(1);

    // Registering the directive itself completes the placeholder, which keeps its citations.
    const registeredDirective = await registered({
      typeId: typeId("party:CT"),
      number: "07",
      issuedOn: "2021-09-18",
    });
    expect(registeredDirective.id).toBe(directive?.document?.id);
    expect(registeredDirective).toMatchObject({
      isPlaceholder: false,
      subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng",
    });
    expect(registeredDirective.incoming.map((r) => r.document?.id).sort(byNumber)).toEqual(
      [plan.id, second.id].sort(byNumber),
    );

    // A placeholder completed by an edit.
    const namedId = named?.document?.id as number;
    const completed = await t.call(admin, {
      method: "PATCH",
      url: `/api/documents/${namedId}`,
      payload: {
        version: 1,
        number: "04",
        issuedOn: "2016-10-30",
        subject: "Về tăng cường xây dựng, chỉnh đốn Đảng",
      },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({
      symbol: "04-NQ/TW",
      citation: "Nghị quyết Trung ương 4 (khóa XII)",
      isPlaceholder: false,
      termId: twTermXII,
    });

    const text = await t.call(communeSecretary, { method: "GET", url: `/api/documents/${plan.id}/text` });
    expect(text.statusCode).toBe(404);
    const asAdmin = await t.call(admin, { method: "GET", url: `/api/documents/${plan.id}/text` });
    expect(asAdmin.json()).toMatchObject({
      text: planText,
      textSource: "txt",
      references: [
        { type: "KL", number: "21", matched: true, document: { symbol: "21-KL/TW" } },
        { type: "CT", number: "07", matched: true, document: { id: directive?.document?.id } },
        { plenum: 4, term: "XII", matched: true, document: { symbol: "04-NQ/TW" } },
        { system: "state", number: "31/2021", matched: true },
      ],
    });
  });

  it("makes one placeholder when two documents citing it are registered at the same moment", async () => {
    const text = "Quán triệt Chỉ thị số 09-CT/TW ngày 01/02/2024 của Ban Bí thư.";
    const uploads = await Promise.all([uploadOf(admin, text), uploadOf(admin, text), uploadOf(admin, text)]);
    const responses = await Promise.all(
      uploads.map((uploadId, i) =>
        register({
          typeId: typeId("party:BC"),
          issuerCodes: ["TU"],
          number: String(810 + i),
          issuedOn: "2026-04-05",
          uploadId,
          relations: [{ kind: "refers_to", referenceIndex: 0 }],
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const targets = responses.map((r) => (r.json() as DocumentDetail).outgoing[0]?.document?.id);
    expect(new Set(targets).size).toBe(1);
    const placeholders = await t.database.db
      .selectFrom("documents")
      .select("id")
      .where("symbol", "=", "09-CT/TW")
      .execute();
    expect(placeholders).toHaveLength(1);
  });

  it("completes the placeholder of a local body's document cited with its date when it is registered in its term", async () => {
    const citing = await registered({
      typeId: typeId("party:BC"),
      issuerCodes: ["TU"],
      number: "830",
      issuedOn: "2026-04-06",
      uploadId: await uploadOf(admin, "Thực hiện Đề án số 02-ĐA/TU ngày 10/01/2026 của Tỉnh ủy."),
      relations: [{ kind: "implements", referenceIndex: 0 }],
    });
    const placeholder = citing.outgoing[0]?.document;
    expect(placeholder).toMatchObject({ symbol: "02-ĐA/TU", isPlaceholder: true });
    const scheme = await registered({
      typeId: typeId("party:ĐA"),
      issuerCodes: ["TU"],
      issuingOrgId: fx.province.id,
      number: "02",
      issuedOn: "2026-01-10",
    });
    expect(scheme).toMatchObject({ id: placeholder?.id, isPlaceholder: false, termId: provinceTerm });
    expect(scheme.incoming.map((r) => r.document?.id)).toEqual([citing.id]);
  });

  it("links a document outside the reader's scope without revealing it", async () => {
    // The province's plan, addressed to commune B only: commune A's staff may not read it.
    const provincePlan = await registered({
      typeId: typeId("party:KH"),
      issuerCodes: ["TU"],
      issuingOrgId: fx.province.id,
      number: "31",
      issuedOn: "2026-01-05",
      recipientOrgIds: [fx.communeB.id],
    });
    const text = "Thực hiện Kế hoạch số 31-KH/TU của Tỉnh ủy.";
    const mine = await registered(
      {
        typeId: typeId("party:BC"),
        issuerCodes: ["ĐU"],
        number: "04",
        ownerOrgId: fx.communeA.id,
        issuedOn: "2026-01-06",
        uploadId: await uploadOf(communeStaff, text),
        relations: [{ kind: "implements", referenceIndex: 0 }],
      },
      communeStaff,
    );
    expect(mine.outgoing).toEqual([
      expect.objectContaining({ quote: "Kế hoạch số 31-KH/TU", document: null }),
    ]);
    const found = await t.call(communeStaff, { method: "GET", url: `/api/documents/${mine.id}/text` });
    expect(found.json()).toMatchObject({ references: [{ matched: true, document: null }] });
    // The province sees who implements its plan; commune B, reading the plan addressed to it, sees that
    // one document it may not read relates to it — neither which one nor its quote.
    const seenByProvince = await t.call(admin, { method: "GET", url: `/api/documents/${provincePlan.id}` });
    expect(seenByProvince.json()).toMatchObject({
      incoming: [{ document: { id: mine.id }, quote: "Kế hoạch số 31-KH/TU" }],
      incomingTotal: 1,
      incomingHiddenCount: 0,
    });
    const seenByB = await t.call(communeBStaff, { method: "GET", url: `/api/documents/${provincePlan.id}` });
    expect(seenByB.json()).toMatchObject({ incoming: [], incomingTotal: 1, incomingHiddenCount: 1 });
  });

  it("refuses a reference index the upload does not have", async () => {
    const response = await register({
      number: "501",
      uploadId: await uploadOf(admin, "Không có trích dẫn nào."),
      relations: [{ kind: "refers_to", referenceIndex: 0 }],
    });
    expect(response.json()).toMatchObject({
      error: { code: "DOCUMENT_REFERENCE_NOT_FOUND", issues: [{ path: "body.relations.0.referenceIndex" }] },
    });
    const missing = await register({ number: "502", uploadId: "00000000-0000-4000-8000-000000000000" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: "DOCUMENT_UPLOAD_NOT_FOUND" } });
  });

  it("adds and removes relations by hand, browsable both ways, and draws the graph", async () => {
    const directive = await registered({ number: "601" });
    const plan = await registered({
      typeId: typeId("party:KH"),
      issuerCodes: ["TU"],
      number: "601",
      issuedOn: "2026-02-01",
    });
    const communePlan = await registered(
      {
        typeId: typeId("party:KH"),
        issuerCodes: ["ĐU"],
        number: "601",
        ownerOrgId: fx.communeB.id,
        issuedOn: "2026-02-10",
      },
      communeBStaff,
    );
    const relate = (session: TestSession, from: number, to: number, kind = "implements") =>
      post(session, `/api/documents/${from}/relations`, { kind, toDocumentId: to });

    const added = await relate(admin, plan.id, directive.id);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      outgoing: [{ kind: "implements", origin: "manual", document: { id: directive.id } }],
    });
    expect((await relate(admin, plan.id, directive.id)).json()).toMatchObject({
      error: { code: "DOCUMENT_RELATION_EXISTS" },
    });
    expect((await relate(admin, plan.id, plan.id)).json()).toMatchObject({
      error: { code: "DOCUMENT_RELATION_INVALID", issues: [{ path: "body.toDocumentId" }] },
    });
    // Commune B's staff do not see the provincial plan: relating to it is relating to nothing.
    expect((await relate(communeBStaff, communePlan.id, plan.id)).statusCode).toBe(404);
    expect((await relate(communeBStaff, communePlan.id, 999_999_999)).statusCode).toBe(404);
    expect(
      (await post(admin, `/api/documents/${plan.id}/relations`, { kind: "causes", toDocumentId: 1 })).json(),
    ).toMatchObject({
      error: { issues: [{ path: "body.kind" }] },
    });
    expect((await relate(admin, communePlan.id, plan.id)).statusCode).toBe(201);

    const directiveDetail = (
      await t.call(admin, { method: "GET", url: `/api/documents/${directive.id}` })
    ).json() as DocumentDetail;
    expect(directiveDetail.incoming).toEqual([
      expect.objectContaining({ kind: "implements", document: expect.objectContaining({ id: plan.id }) }),
    ]);

    const graph = (
      await t.call(admin, { method: "GET", url: `/api/documents/${directive.id}/graph?depth=2` })
    ).json() as DocumentGraph;
    expect(graph.nodes.map((n) => n.id).sort(byNumber)).toEqual(
      [directive.id, plan.id, communePlan.id].sort(byNumber),
    );
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { from: plan.id, to: directive.id, kind: "implements" },
        { from: communePlan.id, to: plan.id, kind: "implements" },
      ]),
    );
    expect(graph.truncated).toBe(false);
    const oneStep = (
      await t.call(admin, { method: "GET", url: `/api/documents/${directive.id}/graph?depth=1` })
    ).json() as DocumentGraph;
    expect(oneStep.nodes.map((n) => n.id).sort(byNumber)).toEqual([directive.id, plan.id].sort(byNumber));
    // Commune B sees its own plan and the relation, not the provincial plan, and is not walked past it.
    const fromB = (
      await t.call(communeBStaff, { method: "GET", url: `/api/documents/${communePlan.id}/graph?depth=3` })
    ).json() as DocumentGraph;
    expect(fromB.nodes).toEqual(expect.arrayContaining([{ id: plan.id, document: null }]));
    expect(fromB.nodes.map((n) => n.id)).not.toContain(directive.id);
    expect(
      (await t.call(communeStaff, { method: "GET", url: `/api/documents/${communePlan.id}/graph` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.call(admin, { method: "GET", url: `/api/documents/${directive.id}/graph?depth=9` })).json(),
    ).toMatchObject({
      error: { issues: [{ path: "querystring.depth" }] },
    });

    const relationId = (added.json() as DocumentDetail).outgoing[0]?.relationId as number;
    const wrongEnd = await t.call(admin, {
      method: "DELETE",
      url: `/api/documents/${directive.id}/relations/${relationId}`,
    });
    expect(wrongEnd.statusCode).toBe(404);
    expect(
      (
        await t.call(communeBStaff, {
          method: "DELETE",
          url: `/api/documents/${plan.id}/relations/${relationId}`,
        })
      ).statusCode,
    ).toBe(404);
    const removed = await t.call(admin, {
      method: "DELETE",
      url: `/api/documents/${plan.id}/relations/${relationId}`,
    });
    expect(removed.json()).toEqual({ ok: true });
    const actions = await t.database.db
      .selectFrom("auditLog")
      .select("action")
      .where("entityId", "=", String(plan.id))
      .where("action", "like", "document.relation%")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["document.relation_add", "document.relation_remove"]);
  });

  it("cuts a large graph at the node limit and says so", async () => {
    const hub = await registered({ number: "701" });
    const spokes = await t.database.db
      .insertInto("documents")
      .values(
        Array.from({ length: 160 }, (_, i) => ({
          ownerOrgId: fx.province.id,
          system: "party" as const,
          typeId: typeId("party:BC"),
          typeAbbreviation: "BC",
          issuerCodes: ["TU"],
          subject: `Báo cáo ${i}`,
        })),
      )
      .returning("id")
      .execute();
    await t.database.db
      .insertInto("documentRelations")
      .values(
        spokes.map((s) => ({
          fromDocumentId: s.id,
          toDocumentId: hub.id,
          kind: "refers_to" as const,
          origin: "manual" as const,
        })),
      )
      .execute();
    const graph = (
      await t.call(admin, { method: "GET", url: `/api/documents/${hub.id}/graph?depth=1` })
    ).json() as DocumentGraph;
    expect(graph.truncated).toBe(true);
    expect(graph.nodes).toHaveLength(150);
    expect(graph.edges).toHaveLength(149);
  });
});

describe("every route of the register's records", () => {
  it("answers 401 without a session and 400 naming the bad field", async () => {
    const doc = await registered({ number: "901" });
    const routes: [NonNullable<InjectOptions["method"]>, string, object | undefined, string][] = [
      ["GET", "/api/documents/0", undefined, "params.id"],
      ["PATCH", `/api/documents/${doc.id}`, { version: 0 }, "body.version"],
      ["GET", "/api/documents/x/text", undefined, "params.id"],
      ["POST", `/api/documents/${doc.id}/relations`, { kind: "implements" }, "body.toDocumentId"],
      ["DELETE", `/api/documents/${doc.id}/relations/abc`, undefined, "params.relationId"],
      ["GET", `/api/documents/${doc.id}/graph?depth=0`, undefined, "querystring.depth"],
      [
        "POST",
        "/api/documents",
        { typeId: 1, issuerCodes: ["TW"], subject: "x", ownerOrgId: 1, issuedOn: "2021-13-01" },
        "body.issuedOn",
      ],
    ];
    for (const [method, url, payload, path] of routes) {
      const anonymous = await t.call(null, { method, url, ...(payload ? { payload } : {}) });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      const bad = await t.call(admin, { method, url, ...(payload ? { payload } : {}) });
      expect(bad.statusCode, `${method} ${url}`).toBe(400);
      expect(bad.json(), `${method} ${url}`).toMatchObject({
        error: { code: "VALIDATION_FAILED", issues: [{ path }] },
      });
    }
  });
});

describe("renumbering and named citations", () => {
  it("gives an edited Party document of the tree the next number when its number is cleared", async () => {
    const plan = await registered({
      typeId: typeId("party:TB"),
      issuerCodes: ["TU"],
      issuingOrgId: fx.province.id,
      issuedOn: "2026-05-04",
    });
    expect(plan.symbol).toBe("01-TB/TU");
    await registered({
      typeId: typeId("party:TB"),
      issuerCodes: ["TU"],
      issuingOrgId: fx.province.id,
      number: "07",
      issuedOn: "2026-05-05",
    });
    const renumbered = await t.call(admin, {
      method: "PATCH",
      url: `/api/documents/${plan.id}`,
      payload: { version: plan.version, number: null },
    });
    expect(renumbered.json()).toMatchObject({ symbol: "08-TB/TU", termId: provinceTerm });
  });

  it("finds a registered document by the name it is cited by", async () => {
    const resolution = await registered({
      typeId: typeId("party:NQ"),
      number: "18",
      issuedOn: "2017-10-25",
      citation: "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khoá XII",
    });
    expect(resolution).toMatchObject({ symbol: "18-NQ/TW", citation: "Nghị quyết Trung ương 6 (khóa XII)" });
    const again = await register({
      typeId: typeId("party:NQ"),
      number: "19",
      issuedOn: "2017-10-25",
      citation: "Nghị quyết Trung ương 6 (khóa XII)",
    });
    expect(again.json()).toMatchObject({
      error: { code: "DOCUMENT_NUMBER_TAKEN", issues: [{ path: "body.citation" }] },
    });
    const citing = await registered({
      typeId: typeId("party:BC"),
      issuerCodes: ["TU"],
      number: "88",
      issuedOn: "2026-04-03",
      uploadId: await uploadOf(
        admin,
        "Sơ kết việc thực hiện Nghị quyết Trung ương 6 (khóa XII) về sắp xếp bộ máy.",
      ),
      relations: [{ kind: "refers_to", referenceIndex: 0 }],
    });
    expect(citing.outgoing[0]?.document?.id).toBe(resolution.id);
  });
});

describe("a commune's own numbering", () => {
  it("uses the commune's term once it has one", async () => {
    const commune = await createOrg(t.database.db, fx.province, { typeCode: "dang_uy_xa" });
    const staff = await t.actor([{ role: "committee_staff", orgId: commune.id }]);
    const created = await post(staff, "/api/committee-terms", {
      orgId: commune.id,
      label: "Nhiệm kỳ 2025–2030",
      startsOn: "2025-08-01",
    });
    expect(created.statusCode, created.body).toBe(201);
    const first = await registered(
      {
        typeId: typeId("party:KH"),
        issuerCodes: ["ĐU"],
        issuingOrgId: commune.id,
        ownerOrgId: commune.id,
        issuedOn: "2026-01-02",
      },
      staff,
    );
    expect(first).toMatchObject({ symbol: "01-KH/ĐU", termId: (created.json() as { id: number }).id });
  });
});
