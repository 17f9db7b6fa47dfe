// The statistics route on a small known dataset: exact counts per breakdown, concurrent posts,
// admissions / losses / transfers per period, religion masked, scope, and the .xlsx export.
import type { MemberStatistics } from "@namro/contracts";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createMember } from "../../../test/member-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

const NOW = "2026-06-15T03:00:00Z"; // 15/06/2026 in Vietnam

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let staff: TestSession;
let secretary: TestSession;

const count = (items: { key: string; count: number }[] | null, key: string) =>
  items?.find((item) => item.key === key)?.count;

async function addPost(memberId: number, postType: string, startedOn: string, endedOn: string | null = null) {
  await t.database.db.insertInto("memberPosts").values({ memberId, postType, startedOn, endedOn }).execute();
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const db = t.database.db;
  fx = await createProvince(db);
  const m1 = await createMember(db, fx.cellA.id, {
    fullName: "Nguyễn Văn Minh",
    sex: "male",
    birthDate: "1990-01-01",
    admittedOn: "2015-05-19",
    educationProfessional: "dai_hoc",
    theoryLevel: "trung_cap",
  });
  await createMember(db, fx.cellA.id, {
    fullName: "Lò Thị Hoa",
    sex: "female",
    birthDate: "2000-03-01",
    admittedOn: "2025-02-03",
    status: "probationary",
    ethnicity: "Tày",
    religion: "Phật giáo",
    educationProfessional: "dai_hoc",
    theoryLevel: "so_cap",
  });
  const f2 = await createMember(db, fx.cellA.id, {
    fullName: "Trần Thị Lan",
    sex: "female",
    // 65 on 15/06/2026 (66 the day after): the 61–70 band.
    birthDate: "1960-06-16",
    admittedOn: "1985-01-01",
    religion: "Công giáo",
    educationProfessional: "thac_si",
    theoryLevel: "cao_cap",
  });
  const d1 = await createMember(db, fx.cellA.id, {
    fullName: "Phạm Văn Đức",
    birthDate: "1950-01-01",
    admittedOn: "1975-01-01",
    status: "deceased",
  });
  await db
    .insertInto("memberEvents")
    .values({ memberId: d1.id, kind: "death", occurredOn: "2024-03-10", fromOrgId: fx.cellA.id })
    .execute();
  const m2 = await createMember(db, fx.cellB.id, {
    fullName: "Hoàng Văn Nam",
    sex: "male",
    // Turns 30 on the reference day: still under 31.
    birthDate: "1996-06-15",
    admittedOn: "2020-06-15",
    educationProfessional: "cao_dang",
    theoryLevel: "none",
  });
  await db
    .insertInto("memberEvents")
    .values({
      memberId: m2.id,
      kind: "transfer_internal",
      occurredOn: "2025-08-01",
      fromOrgId: fx.cellA.id,
      toOrgId: fx.cellB.id,
    })
    .execute();
  await addPost(m1.id, "bi_thu", "2020-10-01");
  await addPost(m1.id, "chu_tich_hdnd", "2021-06-01");
  await addPost(f2.id, "bi_thu", "2015-10-01");
  await addPost(f2.id, "chu_tich_hdnd", "2016-06-01", "2025-01-01");
  await addPost(m2.id, "bi_thu_chi_bo", "2022-01-01");
  await addPost(m2.id, "truong_thon", "2022-01-01");

  staff = await t.actor([{ role: "committee_staff", orgId: fx.province.id }]);
  secretary = await t.actor([{ role: "cell_secretary", orgId: fx.communeA.id }]);
});

afterAll(async () => {
  await t.close();
});

async function statistics(session: TestSession | null, query: string) {
  return t.call(session, { method: "GET", url: `/api/member-statistics?${query}` });
}

describe("GET /api/member-statistics", () => {
  it("counts every breakdown of a province exactly", async () => {
    const response = await statistics(staff, `orgId=${fx.province.id}&from=2024-01-01&period=year`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as MemberStatistics;
    expect(body.orgId).toBe(fx.province.id);
    expect(body.referenceDate).toBe("2026-06-15");
    expect(body.totals).toEqual({ members: 4, probationary: 1, full: 3, female: 2, under31: 2 });
    expect(body.byStatus).toEqual([
      { key: "probationary", count: 1 },
      { key: "full", count: 3 },
      { key: "transferred_out", count: 0 },
      { key: "deceased", count: 1 },
      { key: "name_deleted", count: 0 },
      { key: "expelled", count: 0 },
      { key: "left", count: 0 },
    ]);
    expect(body.bySex).toEqual([
      { key: "male", count: 2 },
      { key: "female", count: 2 },
    ]);
    expect(body.byAgeBand).toEqual([
      { key: "under_31", count: 2 },
      { key: "31_40", count: 1 },
      { key: "41_50", count: 0 },
      { key: "51_60", count: 0 },
      { key: "61_70", count: 1 },
      { key: "over_70", count: 0 },
    ]);
    expect(count(body.byEducation, "dai_hoc")).toBe(2);
    expect(count(body.byEducation, "thac_si")).toBe(1);
    expect(count(body.byEducation, "cao_dang")).toBe(1);
    expect(count(body.byEducation, "none")).toBe(0);
    expect(body.byTheoryLevel.map((item) => item.count)).toEqual([1, 1, 1, 1, 0]);
    expect(body.byMembershipYears).toEqual([
      { key: "under_5", count: 1 },
      { key: "5_9", count: 1 },
      { key: "10_19", count: 1 },
      { key: "20_29", count: 0 },
      { key: "30_39", count: 0 },
      { key: "40_plus", count: 1 },
    ]);
    expect(body.byEthnicity).toEqual([
      { key: "Kinh", count: 3 },
      { key: "Tày", count: 1 },
    ]);
    expect(body.ethnicityOther).toBe(0);
    expect(body.canSeeSensitive).toBe(true);
    expect(body.byReligion).toEqual([
      { key: "Không", count: 2 },
      { key: "Công giáo", count: 1 },
      { key: "Phật giáo", count: 1 },
    ]);
  });

  it("counts open posts and the secretary who also chairs the People's Council", async () => {
    const body = (await statistics(staff, `orgId=${fx.province.id}`)).json() as MemberStatistics;
    const posts = Object.fromEntries(body.posts.map((post) => [post.postType, post.count]));
    expect(posts).toMatchObject({
      bi_thu: 2,
      chu_tich_hdnd: 1,
      bi_thu_chi_bo: 1,
      truong_thon: 1,
      chu_tich_ubnd: 0,
    });
    const combos = Object.fromEntries(body.postCombinations.map((combo) => [combo.code, combo.count]));
    expect(combos).toEqual({
      "bi_thu+chu_tich_hdnd": 1,
      "bi_thu+chu_tich_ubnd": 0,
      "pho_bi_thu+chu_tich_ubnd": 0,
      "bi_thu_chi_bo+truong_thon": 1,
    });
    // Before the chair ended on 01/01/2025, both women and men secretaries chaired the council.
    const earlier = (
      await statistics(staff, `orgId=${fx.province.id}&asOf=2024-06-01`)
    ).json() as MemberStatistics;
    expect(earlier.postCombinations.find((combo) => combo.code === "bi_thu+chu_tich_hdnd")?.count).toBe(2);
  });

  it("counts admissions and losses per year, and transfers across the subtree's edge per quarter", async () => {
    const body = (
      await statistics(staff, `orgId=${fx.province.id}&from=2024-01-01&to=2026-06-15&period=year`)
    ).json() as MemberStatistics;
    expect(body.flows.items.map((item) => [item.key, item.admissions, item.lossesTotal])).toEqual([
      ["2024", 0, 1],
      ["2025", 1, 0],
      ["2026", 0, 0],
    ]);
    expect(body.flows.items[0]?.losses.death).toBe(1);
    // Inside the province the transfer is neither in nor out.
    expect(body.flows.items.every((item) => item.transfersIn === 0 && item.transfersOut === 0)).toBe(true);

    const commune = (
      await statistics(staff, `orgId=${fx.communeA.id}&from=2025-01-01&to=2025-12-31&period=quarter`)
    ).json() as MemberStatistics;
    expect(commune.flows.items.map((item) => [item.key, item.start, item.end])).toEqual([
      ["2025-Q1", "2025-01-01", "2025-03-31"],
      ["2025-Q2", "2025-04-01", "2025-06-30"],
      ["2025-Q3", "2025-07-01", "2025-09-30"],
      ["2025-Q4", "2025-10-01", "2025-12-31"],
    ]);
    expect(commune.flows.items.map((item) => [item.admissions, item.transfersIn, item.transfersOut])).toEqual(
      [
        [1, 0, 0],
        [0, 0, 0],
        [0, 0, 1],
        [0, 0, 0],
      ],
    );
    const communeB = (
      await statistics(staff, `orgId=${fx.communeB.id}&from=2025-07-01&to=2025-09-30&period=month`)
    ).json() as MemberStatistics;
    expect(communeB.flows.items.map((item) => [item.key, item.transfersIn])).toEqual([
      ["2025-07", 0],
      ["2025-08", 1],
      ["2025-09", 0],
    ]);
  });

  it("counts the members of the subtree on a past day, with their status then", async () => {
    const body = (
      await statistics(staff, `orgId=${fx.province.id}&asOf=2024-01-01`)
    ).json() as MemberStatistics;
    expect(body.referenceDate).toBe("2024-01-01");
    expect(body.totals).toEqual({ members: 3, probationary: 0, full: 3, female: 1, under31: 1 });
    expect(count(body.byStatus, "full")).toBe(3);
    expect(count(body.byStatus, "deceased")).toBe(0);
  });

  it("applies the member filter: a commune, women only", async () => {
    const body = (await statistics(staff, `orgId=${fx.communeA.id}&sex=female`)).json() as MemberStatistics;
    expect(body.totals).toMatchObject({ members: 2, female: 2, probationary: 1, full: 1 });
  });

  it("leaves religion out for a role without the sensitive permission, and ignores a religion filter", async () => {
    const response = await statistics(
      secretary,
      `orgId=${fx.communeA.id}&religion=${encodeURIComponent("Công giáo")}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json() as MemberStatistics;
    expect(body.canSeeSensitive).toBe(false);
    expect(body.byReligion).toBeNull();
    expect(body.religionOther).toBeNull();
    expect(response.body).not.toContain("Công giáo");
    expect(body.totals.members).toBe(3);
    // Without orgId: the secretary's whole scope (commune A).
    const whole = (await statistics(secretary, "")).json() as MemberStatistics;
    expect(whole.orgId).toBeNull();
    expect(whole.totals.members).toBe(3);
    expect(whole.byReligion).toBeNull();
  });

  it("answers 401 without a session, 404 outside the scope, 400 for a bad query", async () => {
    expect((await statistics(null, `orgId=${fx.communeA.id}`)).statusCode).toBe(401);
    const outside = await statistics(secretary, `orgId=${fx.communeB.id}`);
    expect(outside.statusCode).toBe(404);
    const badPeriod = await statistics(staff, "period=week&from=2025-13-01");
    expect(badPeriod.statusCode).toBe(400);
    const paths = (badPeriod.json() as { error: { issues: { path: string }[] } }).error.issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(expect.arrayContaining(["querystring.period", "querystring.from"]));
    const reversed = await statistics(staff, "from=2025-06-01&to=2025-01-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({
      error: { code: "MEMBER_STATISTICS_PERIOD_INVALID", issues: [{ path: "querystring.from" }] },
    });
    const tooMany = await statistics(staff, "from=2000-01-01&to=2025-12-31&period=month");
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: { issues: [{ path: "querystring.period" }] } });
  });
});

describe("GET /api/member-statistics/export", () => {
  it("answers an .xlsx workbook with the statistics sheet", async () => {
    const response = await t.call(staff, {
      method: "GET",
      url: `/api/member-statistics/export?orgId=${fx.province.id}&from=2024-01-01`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toContain("thong-ke-dang-vien-2026-06-15.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Thống kê");
    expect(sheet).toBeDefined();
    const rows = new Map<string, unknown>();
    sheet?.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === "string" && !rows.has(label)) rows.set(label, row.getCell(2).value);
    });
    expect(rows.get("Tổng số đảng viên")).toBe(4);
    expect(rows.get("Bí thư cấp ủy kiêm Chủ tịch HĐND")).toBe(1);
    expect(rows.get("Phật giáo")).toBe(1);
  });

  it("answers 404 outside the scope and 401 without a session", async () => {
    const url = `/api/member-statistics/export?orgId=${fx.communeB.id}`;
    expect((await t.call(secretary, { method: "GET", url })).statusCode).toBe(404);
    expect((await t.call(null, { method: "GET", url })).statusCode).toBe(401);
  });
});
