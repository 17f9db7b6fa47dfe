// The member statistics kept between changes (ADR 0010): the same answer again without recomputing,
// a new answer as soon as any writer changes the registry (even bypassing the service, as another
// server process would), and never one reader's answer for another with a different scope or right.
import type { MemberStatistics } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createMember } from "../../../test/member-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

const NOW = "2026-06-15T03:00:00Z";

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let provinceStaff: TestSession;
let communeAStaff: TestSession;
let communeBStaff: TestSession;
let provinceSecretary: TestSession;

const counts = () => t.app.services.memberStatistics.cacheCounts;

async function statistics(session: TestSession, query = ""): Promise<MemberStatistics> {
  const response = await t.call(session, { method: "GET", url: `/api/member-statistics?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json() as MemberStatistics;
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const db = t.database.db;
  fx = await createProvince(db);
  await createMember(db, fx.cellA.id, { fullName: "Nguyễn Văn Minh", religion: "Phật giáo" });
  await createMember(db, fx.cellA.id, { fullName: "Lò Thị Hoa", sex: "female" });
  await createMember(db, fx.cellB.id, { fullName: "Hoàng Văn Nam" });
  provinceStaff = await t.actor([{ role: "committee_staff", orgId: fx.province.id }]);
  communeAStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeA.id }]);
  communeBStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeB.id }]);
  // A cell secretary reads members without member.sensitive: religion is not counted for them.
  provinceSecretary = await t.actor([{ role: "cell_secretary", orgId: fx.province.id }]);
});

afterAll(async () => {
  await t.close();
});

describe("member statistics cache", () => {
  it("answers the same question again from the cache while nothing changed", async () => {
    const first = await statistics(provinceStaff, `orgId=${fx.province.id}`);
    const before = { ...counts() };
    const second = await statistics(provinceStaff, `orgId=${fx.province.id}`);
    expect(second).toEqual(first);
    expect(counts().hits).toBe(before.hits + 1);
    expect(counts().misses).toBe(before.misses);
  });

  it("recomputes after any writer adds a member, a post or renames an organisation", async () => {
    const before = await statistics(provinceStaff, `orgId=${fx.province.id}`);
    // Straight into the table, as another server process or an import would.
    await createMember(t.database.db, fx.cellB.id, { fullName: "Đỗ Thị Mai", sex: "female" });
    const after = await statistics(provinceStaff, `orgId=${fx.province.id}`);
    expect(after.totals.members).toBe(before.totals.members + 1);
    expect(after.totals.female).toBe(before.totals.female + 1);

    const version = async () =>
      (
        await sql<{ v: string }>`SELECT version::text AS v FROM data_versions WHERE name = 'members'`.execute(
          t.database.db,
        )
      ).rows[0]?.v;
    for (const change of [
      sql`UPDATE organisations SET name = name || ' ' WHERE id = ${fx.cellA.id}`,
      sql`UPDATE members SET sex = sex WHERE org_id = ${fx.cellA.id}`,
      sql`DELETE FROM member_posts WHERE member_id = -1`,
    ]) {
      const was = await version();
      await change.execute(t.database.db);
      expect(await version()).not.toBe(was);
    }
    const misses = counts().misses;
    await statistics(provinceStaff, `orgId=${fx.province.id}`);
    expect(counts().misses).toBe(misses + 1);
  });

  it("keeps each scope's own numbers: a commune never gets another commune's or the province's", async () => {
    const province = await statistics(provinceStaff);
    const communeA = await statistics(communeAStaff);
    const communeB = await statistics(communeBStaff);
    expect(communeA.totals.members).toBe(2);
    expect(communeB.totals.members).toBe(2);
    expect(province.totals.members).toBe(4);
    // Asked again in the other order, from the cache: still each its own.
    expect((await statistics(communeBStaff)).totals.members).toBe(2);
    expect((await statistics(communeAStaff)).totals.members).toBe(2);
  });

  it("never shows religion to a reader without the right, after a reader with it asked the same", async () => {
    const withRight = await statistics(provinceStaff, `orgId=${fx.province.id}`);
    expect(withRight.byReligion?.some((item) => item.key === "Phật giáo")).toBe(true);
    const withoutRight = await statistics(provinceSecretary, `orgId=${fx.province.id}`);
    expect(withoutRight.byReligion).toBeNull();
    expect(withoutRight.totals).toEqual(withRight.totals);
  });
});
