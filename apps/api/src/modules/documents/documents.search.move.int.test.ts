// The register after a restructuring: a document held by a commune, or addressed to one of its cells,
// follows the commune to its new parent (the visibility rule reads the organisations' paths through
// document_reach, which the move rewrites): the new province's staff find it, the old one's no longer.
import type { DocumentList } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "../../../test/document-factories.ts";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let oldProvince: Awaited<ReturnType<typeof createProvince>>;
let newProvince: Awaited<ReturnType<typeof createProvince>>;
let elsewhere: Awaited<ReturnType<typeof createProvince>>;
let admin: TestSession;
let oldStaff: TestSession;
let newStaff: TestSession;
let held: number;
let addressed: number;

async function searchIds(session: TestSession, query: string): Promise<number[]> {
  const response = await t.call(session, {
    method: "GET",
    url: `/api/documents?${new URLSearchParams({ q: query }).toString()}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as DocumentList).items.map((item) => item.id);
}

async function opens(session: TestSession, id: number): Promise<number> {
  return (await t.call(session, { method: "GET", url: `/api/documents/${id}` })).statusCode;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  oldProvince = await createProvince(db);
  newProvince = await createProvince(db);
  elsewhere = await createProvince(db);
  held = (
    await createDocument(db, {
      ownerOrgId: oldProvince.communeA.id,
      typeAbbreviation: "KH",
      number: "07",
      issuerCodes: ["ĐU"],
      issuedOn: "2025-03-02",
      subject: "Kế hoạch chuyển đổi số trong công tác đảng viên",
      body: "Đảng ủy xã triển khai chuyển đổi số trong quản lý đảng viên.",
    })
  ).id;
  addressed = (
    await createDocument(db, {
      ownerOrgId: elsewhere.province.id,
      typeAbbreviation: "CV",
      number: "15",
      issuerCodes: ["TU"],
      issuedOn: "2025-03-05",
      subject: "Công văn hướng dẫn chuyển đổi số ở chi bộ",
      body: "Gửi chi bộ thôn hướng dẫn chuyển đổi số.",
      recipientOrgIds: [oldProvince.cellA.id],
    })
  ).id;
  [admin, oldStaff, newStaff] = await Promise.all([
    t.actor([
      { role: "system_admin", orgId: oldProvince.province.id },
      { role: "system_admin", orgId: newProvince.province.id },
    ]),
    t.actor([{ role: "committee_staff", orgId: oldProvince.province.id }]),
    t.actor([{ role: "committee_staff", orgId: newProvince.province.id }]),
  ]);
});

afterAll(async () => {
  await t.close();
});

describe("the register after a commune moves to another province", () => {
  it("shows the commune's documents, and those addressed to its cells, to the new parent's staff only", async () => {
    expect(await searchIds(oldStaff, "chuyen doi so")).toEqual([addressed, held]);
    expect(await searchIds(newStaff, "chuyen doi so")).toEqual([]);

    const commune = await t.call(admin, {
      method: "GET",
      url: `/api/organisations/${oldProvince.communeA.id}`,
    });
    expect(commune.statusCode, commune.body).toBe(200);
    const moved = await t.call(admin, {
      method: "POST",
      url: `/api/organisations/${oldProvince.communeA.id}/move`,
      payload: {
        effectiveDate: "2025-07-01",
        reason: "Sắp xếp đơn vị hành chính",
        newParentId: newProvince.province.id,
        version: (commune.json() as { version: number }).version,
      },
    });
    expect(moved.statusCode, moved.body).toBe(200);

    expect(await searchIds(newStaff, "chuyen doi so")).toEqual([addressed, held]);
    expect(await searchIds(oldStaff, "chuyen doi so")).toEqual([]);
    expect(await opens(newStaff, held)).toBe(200);
    expect(await opens(newStaff, addressed)).toBe(200);
    expect(await opens(oldStaff, held)).toBe(404);
    expect(await opens(oldStaff, addressed)).toBe(404);
  });
});
