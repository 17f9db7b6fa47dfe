// The preview of a cascade's selection: how many organisations it would address, counted as creating
// it would count them, and nothing written. 401 without a session, 400 naming the field, 404 for a
// document outside the actor's scope, the same refusals as creating for targets outside the scope.
import type { CascadePreview } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow } from "../../db/schema.ts";

let t: TestApp;
let province: OrganisationRow;
let communes: OrganisationRow[];
let otherProvince: Awaited<ReturnType<typeof createProvince>>;
let staff: TestSession;
let reader: TestSession;
let outsider: TestSession;
let plan: number;

async function planOf(ownerOrgId: number): Promise<number> {
  const db = t.database.db;
  const type = await db
    .selectFrom("documentTypes")
    .select("id")
    .where("system", "=", "party")
    .where("abbreviation", "=", "KH")
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto("documents")
    .values({
      ownerOrgId,
      issuingOrgId: ownerOrgId,
      system: "party",
      typeId: type.id,
      typeAbbreviation: "KH",
      issuerCodes: ["TU"],
      issuedOn: "2026-02-05",
      subject: "Kế hoạch thực hiện Kết luận số 21-KL/TW",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function preview(session: TestSession | null, documentId: number, payload: object) {
  return t.call(session, { method: "POST", url: `/api/documents/${documentId}/cascades/preview`, payload });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Quảng Trị", typeCode: "tinh_uy" });
  communes = [
    await createOrg(db, province, { name: "Đảng ủy xã Vĩnh Linh", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy phường Đông Hà", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy xã Cam Lộ", typeCode: "dang_uy_xa" }),
  ];
  const closed = await createOrg(db, province, { name: "Đảng ủy xã Đã Giải Thể", typeCode: "dang_uy_xa" });
  await db
    .updateTable("organisations")
    .set({ status: "dissolved", validTo: "2025-07-01" })
    .where("id", "=", closed.id)
    .execute();
  await createOrg(db, communes[0] as OrganisationRow, { typeCode: "chi_bo_truc_thuoc" });
  otherProvince = await createProvince(db);
  plan = await planOf(province.id);
  staff = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  reader = await t.actor([{ role: "member", orgId: province.id }]);
  outsider = await t.actor([{ role: "committee_staff", orgId: otherProvince.province.id }]);
});

afterAll(async () => {
  await t.close();
});

describe("previewing a cascade's selection", () => {
  it("counts every active organisation of the types under the root, and names the selection", async () => {
    const response = await preview(staff, plan, {
      selection: { kind: "types", rootOrgId: province.id, typeCodes: ["dang_uy_xa"] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as CascadePreview;
    expect(body.targets).toBe(3);
    expect(body.selectionLabel).toBe("Đảng ủy xã / phường / đặc khu trong Tỉnh ủy Quảng Trị");
  });

  it("counts named organisations, and writes nothing", async () => {
    const ids = communes.slice(0, 2).map((commune) => commune.id);
    const response = await preview(staff, plan, { selection: { kind: "orgs", orgIds: ids } });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as CascadePreview).targets).toBe(2);
    const cascades = await t.database.db
      .selectFrom("documentCascades")
      .select("id")
      .where("documentId", "=", plan)
      .execute();
    expect(cascades).toEqual([]);
  });

  it("answers 0 for types that find no organisation", async () => {
    const response = await preview(staff, plan, {
      selection: { kind: "types", rootOrgId: province.id, typeCodes: ["dang_uy_co_quan"] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as CascadePreview).targets).toBe(0);
  });

  it("refuses organisations outside the actor's scope as creating does, naming each one", async () => {
    const response = await preview(staff, plan, {
      selection: { kind: "orgs", orgIds: [communes[0]?.id ?? 0, otherProvince.communeA.id] },
    });
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json() as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe("DOCUMENT_CASCADE_TARGET_OUTSIDE_SCOPE");
    expect(body.error.issues.map((issue) => issue.path)).toEqual(["body.selection.orgIds.1"]);
  });

  it("answers 401 without a session, 400 with field paths, 404 to a reader without document.manage and outside the scope", async () => {
    const selection = { kind: "types", rootOrgId: province.id, typeCodes: ["dang_uy_xa"] };
    expect((await preview(null, plan, { selection })).statusCode).toBe(401);

    const bad = await preview(staff, plan, { selection: { kind: "types", typeCodes: [] } });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { error: { issues: { path: string }[] } }).error.issues.map(
      (issue) => issue.path,
    );
    expect(paths).toEqual(expect.arrayContaining(["body.selection.rootOrgId", "body.selection.typeCodes"]));

    expect((await preview(reader, plan, { selection })).statusCode).toBe(404);
    expect((await preview(outsider, plan, { selection })).statusCode).toBe(404);
    expect((await preview(staff, 999_999_999, { selection })).statusCode).toBe(404);
  });
});
