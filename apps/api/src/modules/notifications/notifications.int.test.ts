// Notifications sent by other modules inside their transaction: dedupe keys send once (also within one
// batch), keyless ones always; the inbox holds what is addressed to the organisations an account holds
// a role on itself, newest first, with read state per account.
import type { NotificationList } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { NotificationInput } from "./notifications.service.ts";

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let communeStaff: TestSession;
let provinceStaff: TestSession;

function notice(orgId: number, dedupeKey: string | null, title = "Thông báo"): NotificationInput {
  return {
    orgId,
    kind: "cascade_reminder",
    titleVi: title,
    titleEn: "Notice",
    bodyVi: "Nội dung",
    bodyEn: "Body",
    link: null,
    dedupeKey,
  };
}

async function send(inputs: NotificationInput[]) {
  return t.database.db.transaction().execute((trx) => t.app.services.notifications.notifyMany(trx, inputs));
}

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T10:00:00Z" });
  fx = await createProvince(t.database.db);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeA.id }]);
  provinceStaff = await t.actor([{ role: "committee_staff", orgId: fx.province.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("notifications", () => {
  it("sends a keyed notification once, also when the key repeats in one batch, and keyless ones always", async () => {
    const a = fx.communeA.id;
    const first = await send([notice(a, null), notice(a, "k-1"), notice(a, null), notice(a, "k-1")]);
    expect(first.map((input) => input.dedupeKey)).toEqual([null, "k-1", null]);
    const again = await t.database.db
      .transaction()
      .execute((trx) => t.app.services.notifications.notify(trx, notice(a, "k-1")));
    expect(again).toBe(false);
    const inbox = (
      await t.call(communeStaff, { method: "GET", url: "/api/notifications" })
    ).json() as NotificationList;
    expect(inbox.total).toBe(3);
    expect(inbox.items[0]?.createdAt).toBe("2026-06-15T10:00:00.000Z");
  });

  it("reaches only those holding a role on the organisation itself", async () => {
    await send([notice(fx.cellA.id, null, "Gửi chi bộ"), notice(fx.province.id, null, "Gửi tỉnh")]);
    const commune = (
      await t.call(communeStaff, { method: "GET", url: "/api/notifications" })
    ).json() as NotificationList;
    expect(commune.items.map((item) => item.titleVi)).not.toContain("Gửi chi bộ");
    const province = (
      await t.call(provinceStaff, { method: "GET", url: "/api/notifications" })
    ).json() as NotificationList;
    expect(province.items.map((item) => item.titleVi)).toEqual(["Gửi tỉnh"]);
    expect(province.items[0]).toMatchObject({
      orgId: fx.province.id,
      orgName: fx.province.name,
      readAt: null,
    });
  });

  it("pages newest first and marks one or all read for the reader only", async () => {
    const page = (
      await t.call(communeStaff, { method: "GET", url: "/api/notifications?pageSize=2&page=2" })
    ).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2, unread: 3 });
    expect(page.items).toHaveLength(1);
    const marked = await t.call(communeStaff, { method: "POST", url: "/api/notifications/read-all" });
    expect(marked.json()).toEqual({ marked: 3 });
    expect(
      (await t.call(communeStaff, { method: "POST", url: "/api/notifications/read-all" })).json(),
    ).toEqual({
      marked: 0,
    });
    const province = (
      await t.call(provinceStaff, { method: "GET", url: "/api/notifications/unread-count" })
    ).json();
    expect(province).toEqual({ unread: 1 });
    const own = (
      await t.call(provinceStaff, { method: "GET", url: "/api/notifications" })
    ).json() as NotificationList;
    const id = own.items[0]?.id;
    expect(
      (await t.call(communeStaff, { method: "POST", url: `/api/notifications/${id}/read` })).statusCode,
    ).toBe(404);
    expect(
      (await t.call(provinceStaff, { method: "POST", url: `/api/notifications/${id}/read` })).statusCode,
    ).toBe(200);
    // Reading twice is harmless.
    expect(
      (await t.call(provinceStaff, { method: "POST", url: `/api/notifications/${id}/read` })).statusCode,
    ).toBe(200);
    const after = (
      await t.call(provinceStaff, { method: "GET", url: "/api/notifications" })
    ).json() as NotificationList;
    expect(after.items[0]?.readAt).toBe("2026-06-15T10:00:00.000Z");
  });
});
