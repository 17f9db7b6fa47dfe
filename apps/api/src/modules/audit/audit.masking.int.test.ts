// The audit view shows a member's citizen ID, religion and discipline only to readers holding
// member.sensitive over the entry's organisation; entries filed under no organisation are masked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from "../../platform/audit/audit-writer.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let admin: TestSession;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
  p = await createProvince(t.database.db);
  admin = await t.actor([{ role: "system_admin", orgId: p.province.id }]);
});
afterAll(async () => {
  await t.close();
});

describe("audit view of member details", () => {
  it("shows an admission's sensitive fields to an administrator holding member.sensitive there", async () => {
    const admitted = await t.call(admin, {
      method: "POST",
      url: "/api/members",
      payload: {
        fullName: "Chu Thị Kín",
        sex: "female",
        birthDate: "1990-01-01",
        admittedOn: "2025-01-01",
        citizenId: "001190077777",
        religion: "Phật giáo",
        discipline: "Khiển trách",
        orgId: p.cellA.id,
      },
    });
    expect(admitted.statusCode).toBe(201);
    const id = (admitted.json() as { id: number }).id;
    const page = (
      await t.call(admin, { method: "GET", url: `/api/audit?entityType=member&entityId=${id}` })
    ).json() as { items: { action: string; after: Record<string, unknown> }[] };
    expect(page.items[0]).toMatchObject({
      action: "member.admit",
      after: { citizenId: "001190077777", religion: "Phật giáo", discipline: "Khiển trách" },
    });
  });

  it("masks them in entries filed under no organisation", async () => {
    await t.database.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        SYSTEM_AUDIT_CONTEXT,
        {
          action: "member.import",
          entityType: "member_import",
          entityId: "unfiled-1",
          orgId: null,
          after: { rows: [{ citizenId: "001190088888", religion: "Công giáo" }] },
        },
        new Date(),
      ),
    );
    const page = (
      await t.call(admin, { method: "GET", url: "/api/audit?entityType=member_import&entityId=unfiled-1" })
    ).json() as { items: { after: unknown }[] };
    expect(page.items[0]?.after).toEqual({ rows: [{ citizenId: "00119*****88", religion: null }] });
  });
});
