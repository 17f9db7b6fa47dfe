// What a cascade tells those who may not see everything: reminders for a confidential document reach
// every role holder of the target, so they name nothing; a late plan out of the reader's view is shown
// late without the days that would give its date; a target reading the cascade is not told which
// other organisations it names.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CascadeCoverage, DocumentCascade, NotificationList } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCascade, linkImplements } from "../../../test/cascade-factories.ts";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow } from "../../db/schema.ts";
import { openSpreadsheet } from "../../platform/spreadsheets/spreadsheet-reader.ts";

const NOW = "2026-06-15T10:00:00Z";

let t: TestApp;
let province: OrganisationRow;
let communes: [OrganisationRow, OrganisationRow, OrganisationRow];
let staff: TestSession; // committee_staff of the province: document.confidential
let reader: TestSession; // member of the province: document.read only
let c1Secretary: TestSession; // cell_secretary of commune 1: no document.confidential
let c1Staff: TestSession;

let secretDirective: number;
let secretCascade: number;
let openDirective: number;
let openCascade: number;

function call(session: TestSession, method: "GET" | "POST", url: string, payload?: object) {
  return t.call(session, { method, url, ...(payload ? { payload } : {}) });
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Bắc Ninh", typeCode: "tinh_uy" });
  communes = [
    await createOrg(db, province, { name: "Đảng ủy xã Tiên Du", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy xã Quế Võ", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy phường Từ Sơn", typeCode: "dang_uy_xa" }),
  ];
  const [c1, c2, c3] = communes;
  secretDirective = (
    await createDocument(db, {
      ownerOrgId: province.id,
      typeAbbreviation: "CT",
      number: "07",
      issuerCodes: ["TU"],
      issuedOn: "2026-01-10",
      subject: "Về bảo vệ bí mật nhà nước trong cơ quan đảng",
      confidentiality: "secret",
    })
  ).id;
  secretCascade = await createCascade(db, secretDirective, [c1.id, c2.id]);
  openDirective = (
    await createDocument(db, {
      ownerOrgId: province.id,
      typeAbbreviation: "KL",
      number: "21",
      issuedOn: "2026-01-10",
      subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng",
      recipientOrgIds: [c1.id, c2.id, c3.id],
    })
  ).id;
  openCascade = await createCascade(db, openDirective, [c1.id, c2.id, c3.id]);
  // Commune 2's plan is late by 10 days and confidential.
  const late = await createDocument(db, {
    ownerOrgId: c2.id,
    issuingOrgId: c2.id,
    typeAbbreviation: "KH",
    number: null,
    issuerCodes: ["ĐU"],
    issuedOn: "2026-04-10",
    subject: "Kế hoạch thực hiện Kết luận số 21-KL/TW",
    confidentiality: "confidential",
  });
  await linkImplements(db, late.id, openDirective);

  staff = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  reader = await t.actor([{ role: "member", orgId: province.id }]);
  c1Secretary = await t.actor([{ role: "cell_secretary", orgId: c1.id }]);
  c1Staff = await t.actor([{ role: "committee_staff", orgId: c1.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("reminders for a confidential document", () => {
  it("reach the target's role holders without the symbol or the subject, linked to a page they cannot open", async () => {
    const sent = await call(staff, "POST", `/api/document-cascades/${secretCascade}/reminders`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ sent: 2, alreadyRemindedToday: 0 });

    const inbox = (await call(c1Secretary, "GET", "/api/notifications")).json() as NotificationList;
    expect(inbox.total).toBe(1);
    const reminder = inbox.items[0];
    const text = [reminder?.titleVi, reminder?.titleEn, reminder?.bodyVi, reminder?.bodyEn].join(" ");
    expect(text).not.toContain("07-CT/TU");
    expect(text).not.toContain("Chỉ thị");
    expect(text).not.toContain("bí mật nhà nước");
    expect(reminder?.bodyVi).toBe(
      "Có văn bản mật cần cụ thể hóa trước ngày 31/03/2026 (đã quá hạn 76 ngày); xem tại mục Văn bản.",
    );
    expect(reminder?.link).toBe(`/documents/${secretDirective}`);
    expect((await call(c1Secretary, "GET", `/api/documents/${secretDirective}`)).statusCode).toBe(404);
  });

  it("still name an ordinary document", async () => {
    await call(staff, "POST", `/api/document-cascades/${openCascade}/reminders`, {});
    const inbox = (await call(c1Secretary, "GET", "/api/notifications")).json() as NotificationList;
    const named = inbox.items.find((item) => item.bodyVi.includes("21-KL/TW"));
    expect(named?.bodyVi).toContain("Về đẩy mạnh xây dựng, chỉnh đốn Đảng");
  });
});

describe("a late plan out of the reader's view", () => {
  it("is shown late, without its date or the days late, on screen and in the export", async () => {
    const response = await call(reader, "GET", `/api/document-cascades/${openCascade}/coverage`);
    expect(response.statusCode, response.body).toBe(200);
    const coverage = response.json() as CascadeCoverage;
    const late = coverage.targets.items.find((item) => item.orgId === communes[1].id);
    expect(late).toMatchObject({
      status: "late",
      daysLate: null,
      implementation: { document: null, issuedOn: null },
    });
    const seen = (await call(staff, "GET", `/api/document-cascades/${openCascade}/coverage`)).json();
    expect(
      (seen as CascadeCoverage).targets.items.find((item) => item.orgId === communes[1].id),
    ).toMatchObject({ status: "late", daysLate: 10 });

    const exported = await call(reader, "GET", `/api/document-cascades/${openCascade}/coverage/export`);
    expect(exported.statusCode).toBe(200);
    const path = join(mkdtempSync(join(tmpdir(), "namro-coverage-")), "coverage.xlsx");
    writeFileSync(path, exported.rawPayload);
    const rows: unknown[][] = [];
    for await (const row of (await openSpreadsheet(path)).rows()) rows.push(row.cells);
    const row = rows.find((cells) => cells[0] === "Đảng ủy xã Quế Võ");
    expect(row?.[2]).toBe("Trễ hạn");
    // Subject, date and days late are empty (the reader drops empty cells at the end of a row).
    expect(row?.slice(4, 7).filter((cell) => cell !== null)).toEqual([]);
    expect(row?.[3]).toBeTruthy();
  });
});

describe("a cascade read by one of its targets", () => {
  it("names no other target and gives no selection, while the holder's office sees it whole", async () => {
    const types = (
      await call(staff, "POST", `/api/documents/${openDirective}/cascades`, {
        deadline: "2026-09-30",
        selection: { kind: "types", rootOrgId: province.id, typeCodes: ["dang_uy_xa"] },
      })
    ).json() as DocumentCascade;
    expect(types.selection).toMatchObject({ kind: "types", rootOrgId: province.id });

    const listed = async (session: TestSession) => {
      const response = await call(session, "GET", `/api/documents/${openDirective}/cascades`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { items: DocumentCascade[] }).items;
    };
    const byHolder = await listed(staff);
    const named = byHolder.find((cascade) => cascade.id === openCascade);
    expect(named?.selection).toEqual({ kind: "orgs", orgIds: communes.map((commune) => commune.id) });
    expect(named?.selectionLabel).toBe("Đảng ủy xã Tiên Du, Đảng ủy xã Quế Võ, Đảng ủy phường Từ Sơn");

    const byTarget = await listed(c1Staff);
    const seen = byTarget.find((cascade) => cascade.id === openCascade);
    expect(seen?.selection).toBeNull();
    expect(seen?.selectionLabel).toBe("Đảng ủy xã Tiên Du và 2 tổ chức khác");
    expect(JSON.stringify(byTarget)).not.toContain("Quế Võ");
    expect(JSON.stringify(byTarget)).not.toMatch(/orgIds|rootOrgId/);
    const typesSeen = byTarget.find((cascade) => cascade.id === types.id);
    expect(typesSeen?.selection).toBeNull();
    expect(typesSeen?.selectionLabel).toMatch(/ trong Tỉnh ủy Bắc Ninh$/);
  });
});
