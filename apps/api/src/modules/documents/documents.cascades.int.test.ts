// Cascades end to end: creation with both selection kinds and its refusals, coverage (on time, late,
// missing, overdue; the chain of implementing plans; the earliest plan counts; a plan linked later),
// drill-down groups adding up to the node, visibility of implementing documents, reminders once a day
// into the inboxes of the role holders, the .xlsx export read back, and every route's 401/400/404.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CascadeCoverage, DocumentCascade, NotificationList } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCascade, linkImplements } from "../../../test/cascade-factories.ts";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow } from "../../db/schema.ts";
import { openSpreadsheet } from "../../platform/spreadsheets/spreadsheet-reader.ts";

// 17:00 on 15/06/2026 in Vietnam; moved past midnight for the next day's reminders.
const NOW = "2026-06-15T10:00:00Z";
const DEADLINE = "2026-03-31";

let t: TestApp;
let province: OrganisationRow;
let communes: OrganisationRow[]; // C1 (on time, via the province plan), C2 (late), C3 (missing)
let dissolved: OrganisationRow;
let bloc: OrganisationRow; // a bloc committee with two grassroots committees under it
let grassroots: OrganisationRow[]; // G1 (placeholder plan only: missing), G2 (two plans: the earlier counts)
let cellOfC1: OrganisationRow;
let otherProvince: Awaited<ReturnType<typeof createProvince>>;

let staff: TestSession; // committee_staff of the province
let reader: TestSession; // member of the province: document.read without document.confidential
let c1Staff: TestSession;
let c3Staff: TestSession;
let c3Secretary: TestSession; // a second role holder on C3
let outsider: TestSession;

let conclusion: number; // 21-KL/TW, held by the province
let provincePlan: number;
let typesCascade: DocumentCascade;

function call(
  session: TestSession | null,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
) {
  return t.call(session, { method, url, ...(payload ? { payload } : {}) });
}

async function coverageOf(session: TestSession, cascadeId: number, query = ""): Promise<CascadeCoverage> {
  const response = await call(session, "GET", `/api/document-cascades/${cascadeId}/coverage${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CascadeCoverage;
}

function sumOfGroups(coverage: CascadeCoverage) {
  const sum = { targets: 0, issued: 0, onTime: 0, late: 0, missing: 0, overdue: 0 };
  for (const group of coverage.groups) {
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += group.totals[key];
  }
  return sum;
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Hà Tĩnh", typeCode: "tinh_uy" });
  communes = [
    await createOrg(db, province, { name: "Đảng ủy xã Cẩm Bình", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy xã Kỳ Anh", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy phường Thạch Hà", typeCode: "dang_uy_xa" }),
  ];
  dissolved = await createOrg(db, province, { name: "Đảng ủy xã Đã Nhập", typeCode: "dang_uy_xa" });
  await db
    .updateTable("organisations")
    .set({ status: "dissolved", validTo: "2025-07-01" })
    .where("id", "=", dissolved.id)
    .execute();
  bloc = await createOrg(db, province, { name: "Đảng ủy Khối Cơ quan", typeCode: "dang_uy_co_quan" });
  grassroots = [
    await createOrg(db, bloc, { name: "Đảng ủy Sở Giáo dục", typeCode: "dang_uy_co_so" }),
    await createOrg(db, bloc, { name: "Đảng ủy Sở Y tế", typeCode: "dang_uy_co_so" }),
  ];
  cellOfC1 = await createOrg(db, communes[0] as OrganisationRow, { typeCode: "chi_bo_truc_thuoc" });
  otherProvince = await createProvince(db);

  const [c1, c2, c3] = communes as [OrganisationRow, OrganisationRow, OrganisationRow];
  const [g1, g2] = grassroots as [OrganisationRow, OrganisationRow];
  conclusion = (
    await createDocument(db, {
      ownerOrgId: province.id,
      typeAbbreviation: "KL",
      number: "21",
      issuedOn: "2026-01-10",
      subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng",
    })
  ).id;
  provincePlan = (
    await createDocument(db, {
      ownerOrgId: province.id,
      issuingOrgId: province.id,
      typeAbbreviation: "KH",
      number: "15",
      issuerCodes: ["TU"],
      issuedOn: "2026-02-01",
      subject: "Thực hiện Kết luận số 21-KL/TW",
      recipientOrgIds: communes.map((commune) => commune.id),
    })
  ).id;
  await linkImplements(db, provincePlan, conclusion);
  const plan = async (
    org: OrganisationRow,
    issuedOn: string,
    spec: { issuing?: boolean; placeholder?: boolean; confidential?: boolean } = {},
  ) =>
    (
      await createDocument(db, {
        ownerOrgId: org.id,
        issuingOrgId: spec.issuing === false ? null : org.id,
        typeAbbreviation: "KH",
        number: null,
        issuerCodes: ["ĐU"],
        issuedOn,
        subject: `Kế hoạch của ${org.name}`,
        isPlaceholder: spec.placeholder ?? false,
        confidentiality: spec.confidential ? "confidential" : "normal",
      })
    ).id;
  // C1 implements the province plan (the chain counts for the conclusion); C2 late and confidential.
  await linkImplements(db, await plan(c1, "2026-03-20"), provincePlan);
  await linkImplements(db, await plan(c2, "2026-04-10", { confidential: true }), conclusion);
  await linkImplements(db, await plan(g1, "2026-03-01", { placeholder: true }), conclusion);
  // G2: the later plan first, no issuing organisation recorded (the holder counts); the earlier counts.
  await linkImplements(db, await plan(g2, "2026-05-01", { issuing: false }), conclusion);
  await linkImplements(db, await plan(g2, "2026-03-05", { issuing: false }), provincePlan);
  // A plan of C3 that implements something else does not count.
  const unrelated = await createDocument(db, {
    ownerOrgId: province.id,
    typeAbbreviation: "CT",
    number: "05",
    issuedOn: "2026-01-05",
  });
  await linkImplements(db, await plan(c3, "2026-03-01"), unrelated.id);

  staff = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  reader = await t.actor([{ role: "member", orgId: province.id }]);
  c1Staff = await t.actor([{ role: "committee_staff", orgId: c1.id }]);
  c3Staff = await t.actor([{ role: "committee_staff", orgId: c3.id }]);
  c3Secretary = await t.actor([{ role: "cell_secretary", orgId: c3.id }]);
  outsider = await t.actor([{ role: "committee_staff", orgId: otherProvince.province.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("creating cascades", () => {
  it("expands a type selection into every active organisation of those types under the root", async () => {
    const response = await call(staff, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: DEADLINE,
      selection: { kind: "types", rootOrgId: province.id, typeCodes: ["dang_uy_xa", "dang_uy_co_so"] },
      note: "Các đảng ủy xây dựng kế hoạch thực hiện",
    });
    expect(response.statusCode, response.body).toBe(201);
    typesCascade = response.json() as DocumentCascade;
    expect(typesCascade).toMatchObject({
      documentId: conclusion,
      deadline: DEADLINE,
      canManage: true,
      note: "Các đảng ủy xây dựng kế hoạch thực hiện",
      totals: { targets: 5, issued: 3, onTime: 2, late: 1, missing: 2, overdue: 2 },
    });
    expect(typesCascade.selectionLabel).toContain("Tỉnh ủy Hà Tĩnh");
    const targets = await t.database.db
      .selectFrom("documentCascadeTargets")
      .select("orgId")
      .where("cascadeId", "=", typesCascade.id)
      .execute();
    expect(targets.map((row) => row.orgId).sort((a, b) => a - b)).toEqual(
      [...communes, ...grassroots].map((org) => org.id).sort((a, b) => a - b),
    );
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "entityId"])
      .where("action", "=", "document.cascade_create")
      .where("entityId", "=", String(typesCascade.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("takes named organisations, and lists the document's cascades with their totals", async () => {
    const response = await call(staff, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: "2026-12-31",
      selection: { kind: "orgs", orgIds: [communes[0]?.id, bloc.id, communes[0]?.id] },
    });
    expect(response.statusCode, response.body).toBe(201);
    const named = response.json() as DocumentCascade;
    // The bloc itself issued nothing; C1 did, on time; the deadline is still ahead: nothing overdue.
    expect(named.totals).toEqual({ targets: 2, issued: 1, onTime: 1, late: 0, missing: 1, overdue: 0 });
    expect(named.selectionLabel).toContain("Đảng ủy xã Cẩm Bình");

    const list = await call(staff, "GET", `/api/documents/${conclusion}/cascades`);
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: DocumentCascade[] }).items;
    expect(items.map((item) => item.id)).toEqual([typesCascade.id, named.id]);
  });

  it("refuses a deadline before the issue date, an empty type selection, and targets outside the scope", async () => {
    const early = await call(staff, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: "2026-01-09",
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe("DOCUMENT_CASCADE_DEADLINE_BEFORE_ISSUE");
    expect(early.json().error.issues[0].path).toBe("body.deadline");

    const none = await call(staff, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: DEADLINE,
      selection: { kind: "types", rootOrgId: province.id, typeCodes: ["to_dang"] },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe("DOCUMENT_CASCADE_NO_TARGETS");

    const unknownType = await call(staff, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: DEADLINE,
      selection: { kind: "types", rootOrgId: province.id, typeCodes: ["dang_uy_xa", "khong_co"] },
    });
    expect(unknownType.json().error.issues).toEqual([
      expect.objectContaining({ path: "body.selection.typeCodes.1" }),
    ]);

    // The holder itself, a dissolved commune and another province's commune: each named by index.
    const outside = await call(staff, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: DEADLINE,
      selection: {
        kind: "orgs",
        orgIds: [communes[1]?.id, province.id, dissolved.id, otherProvince.communeA.id],
      },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe("DOCUMENT_CASCADE_TARGET_OUTSIDE_SCOPE");
    expect(outside.json().error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "body.selection.orgIds.1",
      "body.selection.orgIds.2",
      "body.selection.orgIds.3",
    ]);

    const foreignRoot = await call(staff, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: DEADLINE,
      selection: { kind: "types", rootOrgId: otherProvince.province.id, typeCodes: ["dang_uy_xa"] },
    });
    expect(foreignRoot.json().error.issues[0].path).toBe("body.selection.rootOrgId");
  });

  it("refuses placeholders, non-managers of the holder, and documents the actor cannot see", async () => {
    const placeholder = await createDocument(t.database.db, {
      ownerOrgId: province.id,
      number: "99",
      isPlaceholder: true,
    });
    const onPlaceholder = await call(staff, "POST", `/api/documents/${placeholder.id}/cascades`, {
      deadline: DEADLINE,
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
    });
    expect(onPlaceholder.json().error.code).toBe("DOCUMENT_CASCADE_PLACEHOLDER");

    // C1's staff see the conclusion (their commune is a target) but do not manage the province.
    const fromBelow = await call(c1Staff, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: DEADLINE,
      selection: { kind: "orgs", orgIds: [cellOfC1.id] },
    });
    expect(fromBelow.statusCode).toBe(403);

    const hidden = await call(outsider, "POST", `/api/documents/${conclusion}/cascades`, {
      deadline: DEADLINE,
      selection: { kind: "orgs", orgIds: [otherProvince.communeA.id] },
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe("DOCUMENT_NOT_FOUND");
  });
});

describe("coverage", () => {
  it("shows on time, late, missing and overdue at the holder, with groups adding up to the node", async () => {
    const coverage = await coverageOf(staff, typesCascade.id);
    expect(coverage.today).toBe("2026-06-15");
    expect(coverage.node).toMatchObject({ orgId: province.id, ancestors: [], isTarget: false });
    expect(coverage.totals).toEqual({ targets: 5, issued: 3, onTime: 2, late: 1, missing: 2, overdue: 2 });
    expect(sumOfGroups(coverage)).toEqual(coverage.totals);
    expect(coverage.cascade.totals).toEqual(coverage.totals);
    const blocGroup = coverage.groups.find((group) => group.orgId === bloc.id);
    expect(blocGroup).toMatchObject({
      isTarget: false,
      hasTargetsBelow: true,
      totals: { targets: 2, onTime: 1, missing: 1 },
    });
    expect(coverage.groups.find((group) => group.orgId === communes[0]?.id)).toMatchObject({
      isTarget: true,
      hasTargetsBelow: false,
    });

    const byOrg = new Map(coverage.targets.items.map((item) => [item.orgId, item]));
    const [c1, c2, c3] = communes as [OrganisationRow, OrganisationRow, OrganisationRow];
    const [g1, g2] = grassroots as [OrganisationRow, OrganisationRow];
    expect(byOrg.get(c1.id)).toMatchObject({ status: "on_time", daysLate: null, daysOverdue: null });
    expect(byOrg.get(c1.id)?.implementation?.document?.issuedOn).toBe("2026-03-20");
    expect(byOrg.get(c2.id)).toMatchObject({ status: "late", daysLate: 10, daysOverdue: null });
    // 1 April → 15 June: 76 days overdue.
    expect(byOrg.get(c3.id)).toMatchObject({ status: "missing", implementation: null, daysOverdue: 76 });
    expect(byOrg.get(g1.id)).toMatchObject({ status: "missing", daysOverdue: 76 });
    expect(byOrg.get(g2.id)).toMatchObject({
      status: "on_time",
      pathNames: ["Tỉnh ủy Hà Tĩnh", "Đảng ủy Khối Cơ quan"],
    });
    expect(byOrg.get(g2.id)?.implementation?.issuedOn).toBe("2026-03-05");
    // Missing first, then late, then on time.
    expect(coverage.targets.items.map((item) => item.status)).toEqual([
      "missing",
      "missing",
      "late",
      "on_time",
      "on_time",
    ]);
  });

  it("drills into a child, filters by status and pages", async () => {
    const drilled = await coverageOf(staff, typesCascade.id, `?orgId=${bloc.id}`);
    expect(drilled.node).toMatchObject({ orgId: bloc.id, orgName: "Đảng ủy Khối Cơ quan" });
    expect(drilled.node.ancestors).toEqual([{ orgId: province.id, orgName: "Tỉnh ủy Hà Tĩnh" }]);
    expect(drilled.totals).toMatchObject({ targets: 2, onTime: 1, missing: 1 });
    // The cascade's own totals stay those of every target the reader sees.
    expect(drilled.cascade.totals.targets).toBe(5);
    expect(sumOfGroups(drilled)).toEqual(drilled.totals);
    expect(drilled.targets.items.map((item) => item.pathNames)).toEqual([
      ["Đảng ủy Khối Cơ quan"],
      ["Đảng ủy Khối Cơ quan"],
    ]);

    const missing = await coverageOf(staff, typesCascade.id, "?status=missing&pageSize=1");
    expect(missing.targets.total).toBe(2);
    expect(missing.targets.items).toHaveLength(1);
    const second = await coverageOf(staff, typesCascade.id, "?status=missing&pageSize=1&page=2");
    expect(second.targets.items[0]?.orgId).not.toBe(missing.targets.items[0]?.orgId);
    // The totals and groups stay those of the node whatever the filter.
    expect(missing.totals.targets).toBe(5);
  });

  it("shows an implementing document only to those who may see it", async () => {
    const coverage = await coverageOf(reader, typesCascade.id);
    const late = coverage.targets.items.find((item) => item.orgId === communes[1]?.id);
    expect(late).toMatchObject({
      status: "late",
      daysLate: null,
      implementation: { document: null, issuedOn: null },
    });
    expect(coverage.cascade.canManage).toBe(false);
  });

  it("shows a target's own office its own part of the cascade", async () => {
    const coverage = await coverageOf(c1Staff, typesCascade.id);
    expect(coverage.node).toMatchObject({ orgId: communes[0]?.id, ancestors: [], isTarget: true });
    expect(coverage.totals).toMatchObject({ targets: 1, onTime: 1 });
    expect(coverage.cascade.totals).toEqual(coverage.totals);
    expect(coverage.groups).toEqual([]);
    const elsewhere = await call(
      c1Staff,
      "GET",
      `/api/document-cascades/${typesCascade.id}/coverage?orgId=${province.id}`,
    );
    expect(elsewhere.statusCode).toBe(404);
  });

  it("changes at once when a commune's plan is linked", async () => {
    const c3 = communes[2] as OrganisationRow;
    const plan = await createDocument(t.database.db, {
      ownerOrgId: c3.id,
      issuingOrgId: c3.id,
      typeAbbreviation: "KH",
      number: null,
      issuerCodes: ["ĐU"],
      issuedOn: "2026-06-10",
      subject: "Kế hoạch thực hiện Kết luận số 21-KL/TW",
    });
    const before = await coverageOf(staff, typesCascade.id);
    expect(before.totals.missing).toBe(2);
    // Linked through the register's own route, as the commune's office would.
    const linked = await call(c3Staff, "POST", `/api/documents/${plan.id}/relations`, {
      kind: "implements",
      toDocumentId: provincePlan,
    });
    expect(linked.statusCode, linked.body).toBe(201);
    const after = await coverageOf(staff, typesCascade.id);
    expect(after.totals).toEqual({ targets: 5, issued: 4, onTime: 2, late: 2, missing: 1, overdue: 1 });
    expect(after.targets.items.find((item) => item.orgId === c3.id)).toMatchObject({
      status: "late",
      daysLate: 71,
      implementation: { issuedOn: "2026-06-10", document: { id: plan.id } },
    });
  });

  it("changes the deadline with the version, and deletes with it", async () => {
    const id = await createCascade(t.database.db, conclusion, [communes[1]?.id as number]);
    const stale = await call(staff, "PATCH", `/api/document-cascades/${id}`, {
      version: 2,
      deadline: "2026-05-01",
    });
    expect(stale.statusCode).toBe(409);
    const moved = await call(staff, "PATCH", `/api/document-cascades/${id}`, {
      version: 1,
      deadline: "2026-05-01",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // C2 issued on 10 April: on time against the new deadline.
    expect(moved.json()).toMatchObject({
      version: 2,
      deadline: "2026-05-01",
      totals: { onTime: 1, late: 0 },
    });
    const early = await call(staff, "PATCH", `/api/document-cascades/${id}`, {
      version: 2,
      deadline: "2025-12-31",
    });
    expect(early.json().error.code).toBe("DOCUMENT_CASCADE_DEADLINE_BEFORE_ISSUE");
    expect((await call(staff, "DELETE", `/api/document-cascades/${id}?version=1`)).statusCode).toBe(409);
    expect((await call(staff, "DELETE", `/api/document-cascades/${id}?version=2`)).statusCode).toBe(200);
    expect((await call(staff, "GET", `/api/document-cascades/${id}/coverage`)).statusCode).toBe(404);
    const actions = await t.database.db
      .selectFrom("auditLog")
      .select("action")
      .where("entityType", "=", "document_cascade")
      .where("entityId", "=", String(id))
      .orderBy("id")
      .execute();
    expect(actions.map((row) => row.action)).toEqual(["document.cascade_update", "document.cascade_delete"]);
  });

  it("follows chains through cycles of implementing plans, counting each plan once", async () => {
    const db = t.database.db;
    const [c1, c2, c3] = communes as [OrganisationRow, OrganisationRow, OrganisationRow];
    const [g1] = grassroots as [OrganisationRow];
    const document = async (org: OrganisationRow, typeAbbreviation: string, issuedOn: string) =>
      (
        await createDocument(db, {
          ownerOrgId: org.id,
          issuingOrgId: org.id,
          typeAbbreviation,
          number: null,
          issuerCodes: ["ĐU"],
          issuedOn,
          subject: `Thực hiện Chỉ thị về chuyển đổi số (${org.name})`,
        })
      ).id;
    const directive = await document(province, "CT", "2026-01-20");
    const planA = await document(c1, "KH", "2026-02-10");
    const planB = await document(c2, "KH", "2026-02-20");
    const planC = await document(c3, "KH", "2026-04-15");
    // A implements the directive; A and B implement each other; C implements B (three links from the
    // directive, so late); the directive is linked as implementing C, closing a loop through itself.
    await linkImplements(db, planA, directive);
    await linkImplements(db, planB, planA);
    await linkImplements(db, planA, planB);
    await linkImplements(db, planC, planB);
    await linkImplements(db, directive, planC);
    const cascadeId = await createCascade(db, directive, [c1.id, c2.id, c3.id, g1.id], DEADLINE);

    const coverage = await coverageOf(staff, cascadeId);
    const expected = { targets: 4, issued: 3, onTime: 2, late: 1, missing: 1, overdue: 1 };
    expect(coverage.totals).toEqual(expected);
    expect(coverage.cascade.totals).toEqual(expected);
    const byOrg = new Map(coverage.targets.items.map((item) => [item.orgId, item]));
    expect(byOrg.get(c1.id)?.implementation?.document?.id).toBe(planA);
    expect(byOrg.get(c2.id)?.implementation?.document?.id).toBe(planB);
    expect(byOrg.get(c3.id)).toMatchObject({ status: "late", daysLate: 15 });
    expect(byOrg.get(g1.id)).toMatchObject({ status: "missing", daysOverdue: 76 });

    const list = await call(staff, "GET", `/api/documents/${directive}/cascades`);
    expect((list.json() as { items: DocumentCascade[] }).items[0]?.totals).toEqual(expected);
    const late = await coverageOf(staff, cascadeId, "?status=late");
    expect(late.targets.items.map((item) => item.orgId)).toEqual([c3.id]);
    const exported = await call(staff, "GET", `/api/document-cascades/${cascadeId}/coverage/export`);
    expect(exported.statusCode).toBe(200);
  });

  it("exports the table under a node as a workbook the project's reader opens", async () => {
    const response = await call(staff, "GET", `/api/document-cascades/${typesCascade.id}/coverage/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const path = join(mkdtempSync(join(tmpdir(), "namro-coverage-")), "coverage.xlsx");
    writeFileSync(path, response.rawPayload);
    const sheet = await openSpreadsheet(path);
    const rows: unknown[][] = [];
    for await (const row of sheet.rows()) rows.push(row.cells);
    expect(rows[0]).toEqual([
      "Tổ chức",
      "Thuộc",
      "Trạng thái",
      "Văn bản cụ thể hóa",
      "Trích yếu",
      "Ngày ban hành",
      "Số ngày trễ",
      "Số ngày quá hạn",
      "Nhắc gần nhất",
    ]);
    expect(rows).toHaveLength(6);
    const g1 = rows.find((row) => row[0] === "Đảng ủy Sở Giáo dục");
    expect(g1?.slice(1, 3)).toEqual(["Tỉnh ủy Hà Tĩnh / Đảng ủy Khối Cơ quan", "Chưa ban hành"]);
    expect(g1?.[7]).toBe(76);
    const c2 = rows.find((row) => row[0] === "Đảng ủy xã Kỳ Anh");
    expect(c2?.slice(2, 7)).toEqual(["Trễ hạn", null, "Kế hoạch của Đảng ủy xã Kỳ Anh", "10/04/2026", 10]);
  });
});

describe("reminders and the inbox", () => {
  it("reminds the missing targets once a day, into the inbox of those holding a role on them", async () => {
    const first = await call(staff, "POST", `/api/document-cascades/${typesCascade.id}/reminders`, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ sent: 1, alreadyRemindedToday: 0 });
    const again = await call(staff, "POST", `/api/document-cascades/${typesCascade.id}/reminders`, {
      orgId: bloc.id,
    });
    expect(again.json()).toEqual({ sent: 0, alreadyRemindedToday: 1 });
    const coverage = await coverageOf(staff, typesCascade.id, "?status=missing");
    expect(coverage.targets.items[0]?.lastRemindedAt).toBe(new Date(NOW).toISOString());

    const g1 = grassroots[0] as OrganisationRow;
    const g1Staff = await t.actor([{ role: "committee_staff", orgId: g1.id }]);
    const inbox = (await call(g1Staff, "GET", "/api/notifications")).json() as NotificationList;
    expect(inbox.total).toBe(1);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "cascade_reminder",
      orgId: g1.id,
      link: `/documents/${conclusion}`,
      readAt: null,
    });
    expect(inbox.items[0]?.bodyVi).toContain("21-KL/TW");
    expect(inbox.items[0]?.bodyVi).toContain("31/03/2026");
    expect(inbox.items[0]?.bodyVi).toContain("quá hạn 76 ngày");
    // The province office holds its role above G1: the reminder is not in its inbox.
    expect(((await call(staff, "GET", "/api/notifications")).json() as NotificationList).total).toBe(0);

    const audit = await t.database.db
      .selectFrom("auditLog")
      .select("after")
      .where("action", "=", "document.remind")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses reminders to targets that issued, and to those who may not manage the node", async () => {
    const issued = await call(staff, "POST", `/api/document-cascades/${typesCascade.id}/reminders`, {
      orgIds: [communes[0]?.id],
    });
    expect(issued.statusCode).toBe(400);
    expect(issued.json().error.issues[0].path).toBe("body.orgIds.0");
    const fromReader = await call(c1Staff, "POST", `/api/document-cascades/${typesCascade.id}/reminders`, {
      orgId: province.id,
    });
    expect(fromReader.statusCode).toBe(404);
  });

  it("keeps read state per account, and reminds again the next day", async () => {
    const c3 = communes[2] as OrganisationRow;
    const id = await createCascade(t.database.db, conclusion, [c3.id, dissolved.id], "2026-06-30");
    // C3 has issued for the conclusion by now; the dissolved commune has not.
    const sent = await call(staff, "POST", `/api/document-cascades/${id}/reminders`, {});
    expect(sent.json()).toEqual({ sent: 1, alreadyRemindedToday: 0 });

    const soon = await createCascade(t.database.db, provincePlan, [communes[1]?.id as number], "2026-06-20");
    expect((await call(staff, "POST", `/api/document-cascades/${soon}/reminders`, {})).json()).toEqual({
      sent: 1,
      alreadyRemindedToday: 0,
    });
    const c2Staff = await t.actor([{ role: "committee_staff", orgId: communes[1]?.id as number }]);
    const c2Inbox = (await call(c2Staff, "GET", "/api/notifications")).json() as NotificationList;
    expect(c2Inbox.items[0]?.bodyVi).toContain("còn 5 ngày");

    const c3Reminder = await call(staff, "POST", `/api/document-cascades/${typesCascade.id}/reminders`, {});
    expect(c3Reminder.json()).toEqual({ sent: 0, alreadyRemindedToday: 1 });

    const c3Inbox = (await call(c3Staff, "GET", "/api/notifications")).json() as NotificationList;
    expect(c3Inbox.total).toBe(0);

    // The next day (01:00 in Vietnam) the same target is reminded again.
    const clock = t.clock as { now: () => Date };
    const original = clock.now;
    clock.now = () => new Date("2026-06-15T18:00:00Z");
    try {
      const nextDay = await call(staff, "POST", `/api/document-cascades/${typesCascade.id}/reminders`, {});
      expect(nextDay.json()).toEqual({ sent: 1, alreadyRemindedToday: 0 });
    } finally {
      clock.now = original;
    }

    const g1Staff = await t.actor([{ role: "committee_staff", orgId: grassroots[0]?.id as number }]);
    const g1Other = await t.actor([{ role: "cell_secretary", orgId: grassroots[0]?.id as number }]);
    const inbox = (
      await call(g1Staff, "GET", "/api/notifications?unreadFirst=true")
    ).json() as NotificationList;
    expect(inbox.total).toBe(2);
    const [newest, older] = inbox.items;
    expect(newest?.createdAt).toBe("2026-06-15T18:00:00.000Z");
    expect((await call(g1Staff, "POST", `/api/notifications/${newest?.id}/read`)).statusCode).toBe(200);
    const unreadFirst = (
      await call(g1Staff, "GET", "/api/notifications?unreadFirst=true")
    ).json() as NotificationList;
    expect(unreadFirst.items.map((item) => item.id)).toEqual([older?.id, newest?.id]);
    expect(unreadFirst.items[1]?.readAt).not.toBeNull();
    const newestFirst = (await call(g1Staff, "GET", "/api/notifications")).json() as NotificationList;
    expect(newestFirst.items.map((item) => item.id)).toEqual([newest?.id, older?.id]);
    expect(unreadFirst.unread).toBe(1);
    expect((await call(g1Staff, "GET", "/api/notifications?unreadOnly=true")).json().total).toBe(1);
    expect((await call(g1Staff, "GET", "/api/notifications/unread-count")).json()).toEqual({ unread: 1 });
    // The other holder of a role on G1 has read nothing.
    expect((await call(g1Other, "GET", "/api/notifications/unread-count")).json()).toEqual({ unread: 2 });
    expect((await call(g1Other, "POST", "/api/notifications/read-all")).json()).toEqual({ marked: 2 });
    expect((await call(g1Other, "GET", "/api/notifications/unread-count")).json()).toEqual({ unread: 0 });
    expect((await call(g1Staff, "GET", "/api/notifications/unread-count")).json()).toEqual({ unread: 1 });
    // Someone else's notification does not exist for the reader.
    expect((await call(c3Secretary, "POST", `/api/notifications/${newest?.id}/read`)).statusCode).toBe(404);
  });
});

describe("every route: 401, 400, 404", () => {
  it("answers 401 without a session", async () => {
    const id = typesCascade.id;
    const requests: [string, string][] = [
      ["GET", `/api/documents/${conclusion}/cascades`],
      ["POST", `/api/documents/${conclusion}/cascades`],
      ["PATCH", `/api/document-cascades/${id}`],
      ["DELETE", `/api/document-cascades/${id}?version=1`],
      ["GET", `/api/document-cascades/${id}/coverage`],
      ["POST", `/api/document-cascades/${id}/reminders`],
      ["GET", `/api/document-cascades/${id}/coverage/export`],
      ["GET", "/api/notifications"],
      ["GET", "/api/notifications/unread-count"],
      ["POST", "/api/notifications/1/read"],
      ["POST", "/api/notifications/read-all"],
    ];
    for (const [method, url] of requests) {
      const response = await t.call(null, {
        method: method as "GET",
        url,
        ...(method === "GET" ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("answers 400 with field paths", async () => {
    const id = typesCascade.id;
    const bad: [string, string, object | undefined, string][] = [
      ["GET", "/api/documents/abc/cascades", undefined, "params.id"],
      [
        "POST",
        `/api/documents/${conclusion}/cascades`,
        { deadline: "31/03/2026", selection: { kind: "orgs", orgIds: [] } },
        "body.deadline",
      ],
      [
        "POST",
        `/api/documents/${conclusion}/cascades`,
        { deadline: DEADLINE, selection: { kind: "orgs", orgIds: [] } },
        "body.selection.orgIds",
      ],
      ["PATCH", `/api/document-cascades/${id}`, { deadline: DEADLINE }, "body.version"],
      ["DELETE", `/api/document-cascades/${id}`, undefined, "querystring.version"],
      ["GET", `/api/document-cascades/${id}/coverage?status=late_ish`, undefined, "querystring.status"],
      ["POST", `/api/document-cascades/${id}/reminders`, { orgIds: ["x"] }, "body.orgIds.0"],
      ["GET", `/api/document-cascades/${id}/coverage/export?orgId=-1`, undefined, "querystring.orgId"],
      ["GET", "/api/notifications?pageSize=1000", undefined, "querystring.pageSize"],
      ["POST", "/api/notifications/zero/read", undefined, "params.id"],
    ];
    for (const [method, url, payload, path] of bad) {
      const response = await call(staff, method as "GET", url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(400);
      expect(
        response.json().error.issues.map((issue: { path: string }) => issue.path),
        `${method} ${url}`,
      ).toContain(path);
    }
  });

  it("answers 404 outside the scope", async () => {
    const id = typesCascade.id;
    const requests: [string, string, object | undefined][] = [
      ["GET", `/api/documents/${conclusion}/cascades`, undefined],
      ["PATCH", `/api/document-cascades/${id}`, { version: 1, note: "x" }],
      ["DELETE", `/api/document-cascades/${id}?version=1`, undefined],
      ["GET", `/api/document-cascades/${id}/coverage`, undefined],
      ["POST", `/api/document-cascades/${id}/reminders`, {}],
      ["GET", `/api/document-cascades/${id}/coverage/export`, undefined],
      ["POST", "/api/notifications/999999999/read", undefined],
    ];
    for (const [method, url, payload] of requests) {
      const response = await call(outsider, method as "GET", url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call(staff, "GET", "/api/document-cascades/999999999/coverage")).statusCode).toBe(404);
    expect(
      (await call(staff, "GET", `/api/document-cascades/${id}/coverage?orgId=${otherProvince.communeA.id}`))
        .statusCode,
    ).toBe(404);
  });
});
