// Reference data of the register over HTTP: types and issuer codes (root administrators), committee
// terms (of an organisation by whoever manages its documents; of an issuer by root administrators).
import type { CommitteeTerm, DocumentIssuer, DocumentType } from "@namro/contracts";
import { parseDocumentNumber } from "@namro/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let rootAdmin: TestSession;
let communeAdmin: TestSession;
let communeStaff: TestSession;
let member: TestSession;

const issuesOf = (body: string) =>
  (JSON.parse(body) as { error: { issues?: { path: string }[] } }).error.issues?.map((i) => i.path) ?? [];

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-01T03:00:00Z" });
  fx = await createProvince(t.database.db);
  rootAdmin = await t.actor([{ role: "system_admin", orgId: fx.province.id }]);
  communeAdmin = await t.actor([{ role: "system_admin", orgId: fx.communeA.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeA.id }]);
  member = await t.actor([{ role: "member", orgId: fx.cellA.id }]);
});
afterAll(async () => {
  await t.close();
});

describe("document types", () => {
  it("are listed to any signed-in account, with the defaults of DOMAIN.md", async () => {
    expect((await t.call(null, { method: "GET", url: "/api/document-types" })).statusCode).toBe(401);
    const response = await t.call(member, { method: "GET", url: "/api/document-types" });
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: DocumentType[] }).items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ system: "party", abbreviation: "KL", nameVi: "Kết luận", isPlan: false }),
        expect.objectContaining({ system: "party", abbreviation: "KH", nameVi: "Kế hoạch", isPlan: true }),
        expect.objectContaining({ system: "party", abbreviation: "QĐi", legacy: true }),
        expect.objectContaining({ system: "state", abbreviation: "NĐ", nameVi: "Nghị định" }),
      ]),
    );
  });

  it("are added and edited by an administrator of a root only, audited", async () => {
    const body = {
      system: "party",
      abbreviation: "TTrLT",
      nameVi: "Tờ trình liên tịch",
      nameEn: "Joint submission",
    };
    expect(
      (await t.call(communeAdmin, { method: "POST", url: "/api/document-types", payload: body })).statusCode,
    ).toBe(404);
    expect(
      (await t.call(communeStaff, { method: "POST", url: "/api/document-types", payload: body })).statusCode,
    ).toBe(404);
    const bad = await t.call(rootAdmin, {
      method: "POST",
      url: "/api/document-types",
      payload: { system: "law", abbreviation: "tt-x", nameVi: "" },
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.body)).toEqual(
      expect.arrayContaining(["body.system", "body.abbreviation", "body.nameVi"]),
    );
    const created = await t.call(rootAdmin, { method: "POST", url: "/api/document-types", payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const type = created.json() as DocumentType;
    expect(type).toMatchObject({ ...body, isPlan: false, legacy: false, sortOrder: 1000 });
    const again = await t.call(rootAdmin, { method: "POST", url: "/api/document-types", payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: "DOCUMENT_TYPE_TAKEN", issues: [{ path: "body.nameVi" }] },
    });

    const edited = await t.call(rootAdmin, {
      method: "PATCH",
      url: `/api/document-types/${type.id}`,
      payload: { isPlan: true, sortOrder: 115 },
    });
    expect(edited.json()).toMatchObject({ id: type.id, abbreviation: "TTrLT", isPlan: true, sortOrder: 115 });
    expect(
      (
        await t.call(rootAdmin, {
          method: "PATCH",
          url: "/api/document-types/999999",
          payload: { isPlan: true },
        })
      ).statusCode,
    ).toBe(404);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "before", "after"])
      .where("entityType", "=", "document_type")
      .where("entityId", "=", String(type.id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["document_type.create", "document_type.update"]);
    expect(audit[1]).toMatchObject({ before: { isPlan: false }, after: { isPlan: true } });

    // The new type is recognised in numbers at once.
    const tables = await t.app.services.documentReferenceData.documentTables();
    expect(parseDocumentNumber("Số 03-TTrLT/TU", tables).ok).toBe(true);
  });
});

describe("issuer codes", () => {
  it("are listed, added and edited; Party codes feed the parser's tables, state codes do not", async () => {
    const list = await t.call(member, { method: "GET", url: "/api/document-issuers" });
    expect((list.json() as { items: DocumentIssuer[] }).items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "TW", level: "central" }),
        expect.objectContaining({ code: "CP", level: "state" }),
      ]),
    );
    const payload = { code: "BKTTW", nameVi: "Ban Kinh tế Trung ương", level: "central" };
    expect(
      (await t.call(communeAdmin, { method: "POST", url: "/api/document-issuers", payload })).statusCode,
    ).toBe(404);
    const created = await t.call(rootAdmin, { method: "POST", url: "/api/document-issuers", payload });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...payload, nameEn: "", legacy: false });
    const taken = await t.call(rootAdmin, { method: "POST", url: "/api/document-issuers", payload });
    expect(taken.json()).toMatchObject({
      error: { code: "DOCUMENT_ISSUER_TAKEN", issues: [{ path: "body.code" }] },
    });
    const bad = await t.call(rootAdmin, {
      method: "POST",
      url: "/api/document-issuers",
      payload: { code: "BTC-TU", nameVi: "X", level: "nowhere" },
    });
    expect(issuesOf(bad.body)).toEqual(expect.arrayContaining(["body.code", "body.level"]));
    await t.call(rootAdmin, {
      method: "POST",
      url: "/api/document-issuers",
      payload: { code: "BTC", nameVi: "Bộ Tài chính", level: "state" },
    });
    const tables = await t.app.services.documentReferenceData.documentTables();
    expect(tables.partyIssuers.map((i) => i.code)).toContain("BKTTW");
    expect(tables.partyIssuers.map((i) => i.code)).not.toContain("BTC");
    expect(tables.partyIssuers.map((i) => i.code)).not.toContain("CP");

    const edited = await t.call(rootAdmin, {
      method: "PATCH",
      url: "/api/document-issuers/BKTTW",
      payload: { legacy: true, nameEn: "Central Economic Commission" },
    });
    expect(edited.json()).toMatchObject({
      code: "BKTTW",
      legacy: true,
      nameEn: "Central Economic Commission",
    });
    expect(
      (
        await t.call(rootAdmin, {
          method: "PATCH",
          url: "/api/document-issuers/KHONGCO",
          payload: { legacy: true },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("committee terms", () => {
  it("keep their dates around every document numbered in them", async () => {
    const term = await t.call(communeStaff, {
      method: "POST",
      url: "/api/committee-terms",
      payload: { orgId: fx.communeB.id, label: "Nhiệm kỳ B", startsOn: "2020-07-01", endsOn: "2025-06-30" },
    });
    expect(term.statusCode).toBe(404);
    const bStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeB.id }]);
    const created = await t.call(bStaff, {
      method: "POST",
      url: "/api/committee-terms",
      payload: { orgId: fx.communeB.id, label: "Nhiệm kỳ B", startsOn: "2020-07-01", endsOn: "2025-06-30" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const termId = (created.json() as CommitteeTerm).id;
    const types = (
      (await t.call(bStaff, { method: "GET", url: "/api/document-types" })).json() as {
        items: DocumentType[];
      }
    ).items;
    const plan = types.find((type) => type.system === "party" && type.abbreviation === "KH") as DocumentType;
    for (const issuedOn of ["2020-08-01", "2024-03-01", "2025-05-01"]) {
      const registered = await t.call(bStaff, {
        method: "POST",
        url: "/api/documents",
        payload: {
          typeId: plan.id,
          issuerCodes: ["ĐU"],
          issuingOrgId: fx.communeB.id,
          ownerOrgId: fx.communeB.id,
          issuedOn,
          subject: "Kế hoạch thực hiện nghị quyết",
        },
      });
      expect(registered.statusCode, registered.body).toBe(201);
      expect(registered.json()).toMatchObject({ termId });
    }
    const edit = (startsOn: string, endsOn: string) =>
      t.call(bStaff, {
        method: "PATCH",
        url: `/api/committee-terms/${termId}`,
        payload: { label: "Nhiệm kỳ B", startsOn, endsOn },
      });
    const shrunk = await edit("2021-01-01", "2025-01-01");
    expect(shrunk.statusCode).toBe(409);
    expect(shrunk.json()).toMatchObject({
      error: {
        code: "COMMITTEE_TERM_HAS_DOCUMENTS",
        issues: [
          {
            path: "body.startsOn",
            message: "1 văn bản đã đánh số trong nhiệm kỳ sẽ nằm ngoài thời gian này",
          },
          { path: "body.endsOn", message: "1 văn bản đã đánh số trong nhiệm kỳ sẽ nằm ngoài thời gian này" },
        ],
      },
    });
    expect((await edit("2020-08-01", "2025-05-01")).statusCode).toBe(200);
  });

  it("of an organisation are kept by whoever manages its documents, never overlapping", async () => {
    const create = (session: TestSession, payload: object) =>
      t.call(session, { method: "POST", url: "/api/committee-terms", payload });
    const first = await create(communeStaff, {
      orgId: fx.communeA.id,
      label: "Nhiệm kỳ 2020–2025",
      startsOn: "2020-07-01",
      endsOn: "2025-06-30",
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      orgId: fx.communeA.id,
      orgName: fx.communeA.name,
      issuerCode: null,
      label: "Nhiệm kỳ 2020–2025",
      endsOn: "2025-06-30",
    });
    const overlapping = await create(communeStaff, {
      orgId: fx.communeA.id,
      label: "Trùng",
      startsOn: "2025-06-30",
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({
      error: {
        code: "COMMITTEE_TERM_OVERLAP",
        issues: [{ path: "body.startsOn", message: "Nhiệm kỳ 2020–2025: 01/07/2020 – 30/06/2025" }],
      },
    });
    const second = await create(communeStaff, {
      orgId: fx.communeA.id,
      label: "Nhiệm kỳ 2025–2030",
      startsOn: "2025-07-01",
    });
    expect(second.statusCode).toBe(201);
    const inverted = await create(communeStaff, {
      orgId: fx.communeA.id,
      label: "Ngược",
      startsOn: "2030-01-01",
      endsOn: "2029-01-01",
    });
    expect(issuesOf(inverted.body)).toEqual(["body.endsOn"]);
    const neither = await create(communeStaff, { label: "Không chủ", startsOn: "2030-01-01" });
    expect(issuesOf(neither.body)).toEqual(["body.orgId"]);
    expect(
      (await create(communeStaff, { orgId: fx.communeB.id, label: "Ngoài", startsOn: "2020-01-01" }))
        .statusCode,
    ).toBe(404);
    expect(
      (await create(member, { orgId: fx.cellA.id, label: "Chi bộ", startsOn: "2020-01-01" })).statusCode,
    ).toBe(404);

    const list = await t.call(member, { method: "GET", url: `/api/committee-terms?orgId=${fx.communeA.id}` });
    expect(list.statusCode).toBe(404);
    const listed = await t.call(communeStaff, {
      method: "GET",
      url: `/api/committee-terms?orgId=${fx.communeA.id}`,
    });
    expect((listed.json() as { items: CommitteeTerm[] }).items.map((term) => term.label)).toEqual([
      "Nhiệm kỳ 2025–2030",
      "Nhiệm kỳ 2020–2025",
    ]);
    expect(
      (await t.call(communeStaff, { method: "GET", url: `/api/committee-terms?orgId=${fx.communeB.id}` }))
        .statusCode,
    ).toBe(404);
    expect(
      issuesOf((await t.call(communeStaff, { method: "GET", url: "/api/committee-terms" })).body),
    ).toEqual(["querystring.orgId"]);

    const id = (first.json() as CommitteeTerm).id;
    const edit = (session: TestSession, payload: object) =>
      t.call(session, { method: "PATCH", url: `/api/committee-terms/${id}`, payload });
    const clash = await edit(communeStaff, {
      label: "Nhiệm kỳ 2020–2025",
      startsOn: "2020-07-01",
      endsOn: "2025-07-02",
    });
    expect(clash.json()).toMatchObject({ error: { code: "COMMITTEE_TERM_OVERLAP" } });
    const edited = await edit(communeStaff, {
      label: "Khóa 2020–2025",
      startsOn: "2020-06-15",
      endsOn: "2025-06-30",
    });
    expect(edited.json()).toMatchObject({ id, label: "Khóa 2020–2025", startsOn: "2020-06-15" });
    const otherStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeB.id }]);
    expect((await edit(otherStaff, { label: "X", startsOn: "2020-06-15" })).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select("action")
      .where("entityType", "=", "committee_term")
      .where("entityId", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["committee_term.create", "committee_term.update"]);
  });

  it("of an issuer outside the tree are kept by administrators of a root", async () => {
    const list = await t.call(member, { method: "GET", url: "/api/committee-terms?issuerCode=TW" });
    expect((list.json() as { items: CommitteeTerm[] }).items.map((term) => term.label)).toEqual([
      "Khóa XIV",
      "Khóa XIII",
      "Khóa XII",
      "Khóa XI",
    ]);
    const payload = {
      issuerCode: "UBKTTW",
      label: "Khóa XIII",
      startsOn: "2021-02-02",
      endsOn: "2026-01-23",
    };
    const create = (session: TestSession, body: object) =>
      t.call(session, { method: "POST", url: "/api/committee-terms", payload: body });
    expect((await create(communeStaff, payload)).statusCode).toBe(404);
    expect((await create(communeAdmin, payload)).statusCode).toBe(404);
    const created = await create(rootAdmin, payload);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ orgId: null, orgName: null, issuerCode: "UBKTTW" });
    const unknown = await create(rootAdmin, { ...payload, issuerCode: "KHONGCO" });
    expect(unknown.json()).toMatchObject({
      error: { code: "DOCUMENT_ISSUER_UNKNOWN", issues: [{ path: "body.issuerCode" }] },
    });
    const overlapping = await create(rootAdmin, {
      issuerCode: "TW",
      label: "Khóa XV",
      startsOn: "2030-01-01",
    });
    expect(overlapping.json()).toMatchObject({ error: { code: "COMMITTEE_TERM_OVERLAP" } });
  });
});
