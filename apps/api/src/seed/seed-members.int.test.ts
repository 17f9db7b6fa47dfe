import {
  checkMemberRecord,
  todayInVietnam,
  toSearchKey,
  validateCitizenId,
  vietnameseNameSortKey,
} from "@namro/domain";
import { type RawBuilder, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import {
  DEMO_MEMBERS,
  DEMO_ROOT_CODE,
  demoMemberOptions,
  MERGED_COMMUNE_CODE,
  seedDemoIfEmpty,
} from "./demo-seed.ts";
import { seedMembers } from "./seed-members.ts";

const quiet = () => {};

describe("demo members", () => {
  let testApp: TestApp;
  let db: TestApp["database"]["db"];
  const today = todayInVietnam(new Date());

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.database.db;
    await seedDemoIfEmpty(db, quiet);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const count = async (query: RawBuilder<unknown>) =>
    Number(((await query.execute(db)).rows[0] as { n?: number } | undefined)?.n ?? 0);

  it("puts about 20,000 members in the cells, and only in organisations whose type holds members", async () => {
    const total = await count(sql`SELECT count(*)::int AS n FROM members`);
    expect(total).toBeGreaterThan(DEMO_MEMBERS * 0.95);
    expect(total).toBeLessThan(DEMO_MEMBERS * 1.05);
    const outside = await count(sql`
      SELECT count(*)::int AS n FROM members m JOIN organisations o ON o.id = m.org_id
      JOIN org_types t ON t.code = o.type_code WHERE NOT t.holds_members`);
    expect(outside).toBe(0);
    const emptyCells = await count(sql`
      SELECT count(*)::int AS n FROM organisations o JOIN org_types t ON t.code = o.type_code AND t.holds_members
      WHERE o.status = 'active' AND NOT EXISTS (SELECT 1 FROM members m WHERE m.org_id = o.id)`);
    expect(emptyCells).toBe(0);
    const tanHung = await count(sql`
      SELECT count(*)::int AS n FROM members m JOIN organisations o ON o.id = m.org_id
      JOIN organisations c ON c.code = ${MERGED_COMMUNE_CODE} WHERE o.path <@ c.path`);
    expect(tanHung).toBeGreaterThan(100);
  });

  it("gives the cell secretary's demo account a cell of 20–40 members, led by her", async () => {
    const { rows } = await sql<{ orgId: number }>`
      SELECT r.org_id FROM role_assignments r JOIN accounts a ON a.id = r.account_id
      WHERE a.username = 'bithu.chibo'`.execute(db);
    const cellId = rows[0]?.orgId;
    expect(cellId).toBeDefined();
    const members = await db
      .selectFrom("members")
      .select(["id", "fullName"])
      .where("orgId", "=", Number(cellId))
      .execute();
    expect(members.length).toBeGreaterThanOrEqual(20);
    expect(members.length).toBeLessThanOrEqual(40);
    const secretary = await db
      .selectFrom("memberPosts as p")
      .innerJoin("members as m", "m.id", "p.memberId")
      .select("m.fullName")
      .where("p.postType", "=", "bi_thu_chi_bo")
      .where("p.orgId", "=", Number(cellId))
      .where("p.endedOn", "is", null)
      .execute();
    expect(secretary).toEqual([{ fullName: "Vũ Thị Mai" }]);
    expect(members.map((m) => m.fullName)).toContain("Đặng Văn Nam");
  });

  it("writes records every rule accepts: names with their keys, dates, citizen IDs and card numbers", async () => {
    const rows = await db.selectFrom("members").selectAll().execute();
    const broken = rows.flatMap((row) => {
      const violations = checkMemberRecord(row, today);
      const idIssues = row.citizenId
        ? validateCitizenId(row.citizenId, { birthDate: row.birthDate, sex: row.sex })
        : [];
      return violations.length > 0 || idIssues.length > 0 ? [{ id: row.id, violations, idIssues }] : [];
    });
    expect(broken).toEqual([]);
    for (const row of rows) {
      expect(row.fullName).toBe(row.fullName.normalize("NFC"));
      expect(row.searchKey).toBe(toSearchKey(row.fullName));
      expect(row.sortKey).toBe(vietnameseNameSortKey(row.fullName));
      expect(row.cardNumber === null).toBe(row.status === "probationary");
      if (row.cardNumber) expect(row.cardNumber).toMatch(/^\d{6,12}$/);
      if (!["probationary", "full"].includes(row.status)) expect(row.statusSince > row.admittedOn).toBe(true);
    }
    expect(rows.filter((r) => r.citizenId !== null).length).toBeGreaterThan(rows.length * 0.95);
  });

  it("has plausible distributions", async () => {
    const share = async (where: RawBuilder<unknown>, of: RawBuilder<unknown> = sql`true`) =>
      Number(
        (
          await sql<{ s: number }>`
            SELECT avg(CASE WHEN ${where} THEN 1.0 ELSE 0.0 END)::float AS s FROM members WHERE ${of}`.execute(
            db,
          )
        ).rows[0]?.s,
      );
    const femaleOld = await share(sql`sex = 'female'`, sql`birth_date < '1960-01-01'`);
    const femaleYoung = await share(sql`sex = 'female'`, sql`birth_date >= '1990-01-01'`);
    expect(femaleOld).toBeGreaterThan(0.25);
    expect(femaleOld).toBeLessThan(0.42);
    expect(femaleYoung).toBeGreaterThan(0.44);
    expect(femaleYoung).toBeLessThan(0.58);
    expect(await share(sql`ethnicity = 'Kinh'`)).toBeGreaterThan(0.85);
    expect(await share(sql`ethnicity IN ('Tày', 'Nùng', 'Hoa', 'Sán Dìu')`)).toBeGreaterThan(0.02);
    expect(await share(sql`religion = 'Không'`)).toBeGreaterThan(0.8);
    expect(await share(sql`religion IN ('Phật giáo', 'Công giáo')`)).toBeGreaterThan(0.05);
    const probationary = await share(sql`status = 'probationary'`);
    expect(probationary).toBeGreaterThan(0.025);
    expect(probationary).toBeLessThan(0.05);
    expect(await share(sql`theory_level IN ('none', 'so_cap')`)).toBeGreaterThan(0.6);
    expect(await share(sql`theory_level IN ('cao_cap', 'cu_nhan')`)).toBeLessThan(0.1);
    expect(await share(sql`theory_level IN ('cao_cap', 'cu_nhan')`)).toBeGreaterThan(0.02);
    expect(await share(sql`education_professional IN ('dai_hoc', 'thac_si', 'tien_si')`)).toBeGreaterThan(
      0.2,
    );
    // Probationary members are younger than full members on average.
    const { rows } = await sql<{ status: string; born: number }>`
      SELECT status, avg(extract(year FROM birth_date))::float AS born FROM members
      WHERE status IN ('probationary', 'full') GROUP BY status`.execute(db);
    const born = Object.fromEntries(rows.map((r) => [r.status, Number(r.born)]));
    expect(born.probationary).toBeGreaterThan((born.full ?? 0) + 10);
    // Ages from 18 to 90.
    const { rows: ages } = await sql<{ youngest: number; oldest: number }>`
      SELECT min(extract(year FROM age(${today}::date, birth_date)))::int AS youngest,
             max(extract(year FROM age(${today}::date, birth_date)))::int AS oldest
      FROM members WHERE status IN ('probationary', 'full')`.execute(db);
    expect(ages[0]?.youngest).toBeGreaterThanOrEqual(18);
    expect(ages[0]?.oldest).toBeLessThanOrEqual(91);
    expect(ages[0]?.oldest).toBeGreaterThanOrEqual(85);
  });

  it("keeps cell histories consistent: one open row for active members, none for those who left", async () => {
    const badOpen = await count(sql`
      SELECT count(*)::int AS n FROM members m
      WHERE (SELECT count(*) FROM member_cells c WHERE c.member_id = m.id AND c.valid_to IS NULL)
        <> CASE WHEN m.status IN ('probationary', 'full') THEN 1 ELSE 0 END`);
    expect(badOpen).toBe(0);
    const wrongCell = await count(sql`
      SELECT count(*)::int AS n FROM members m JOIN member_cells c ON c.member_id = m.id AND c.valid_to IS NULL
      WHERE c.org_id <> m.org_id`);
    expect(wrongCell).toBe(0);
    // Those who died or were struck off: their one row closes on the day, with the event.
    const left = await db
      .selectFrom("members")
      .select(["id", "status", "statusSince", "orgId"])
      .where("status", "in", ["deceased", "name_deleted"])
      .execute();
    expect(left.length).toBeGreaterThan(10);
    expect(left.some((m) => m.status === "deceased")).toBe(true);
    const closedWrong = await count(sql`
      SELECT count(*)::int AS n FROM members m
      WHERE m.status IN ('deceased', 'name_deleted') AND NOT EXISTS (
        SELECT 1 FROM member_cells c WHERE c.member_id = m.id AND c.org_id = m.org_id AND c.valid_to = m.status_since)
        OR m.status IN ('deceased', 'name_deleted') AND NOT EXISTS (
        SELECT 1 FROM member_events e WHERE e.member_id = m.id AND e.occurred_on = m.status_since
          AND e.kind = CASE m.status WHEN 'deceased' THEN 'death' ELSE 'name_deletion' END)`);
    expect(closedWrong).toBe(0);
    // Transfers in: two rows that meet on the transfer day, the second opened by a done transfer event.
    const transferred = await count(sql`
      SELECT count(*)::int AS n FROM member_cells c
      JOIN member_events e ON e.id = c.event_id AND e.kind = 'transfer_internal' AND e.state = 'done'
      JOIN member_cells p ON p.member_id = c.member_id AND p.valid_to = c.valid_from AND p.org_id = e.from_org_id
      WHERE e.to_org_id = c.org_id AND e.occurred_on = c.valid_from AND c.valid_to IS NULL`);
    const transferEvents = await count(
      sql`SELECT count(*)::int AS n FROM member_events WHERE kind = 'transfer_internal'`,
    );
    expect(transferEvents).toBeGreaterThan(100);
    expect(transferred).toBe(transferEvents);
    const overlapping = await count(sql`
      SELECT count(*)::int AS n FROM member_cells a JOIN member_cells b ON a.member_id = b.member_id AND a.id < b.id
      WHERE daterange(a.valid_from, a.valid_to) && daterange(b.valid_from, b.valid_to)`);
    expect(overlapping).toBe(0);
    // No cell row before the cell existed or the member was admitted.
    const early = await count(sql`
      SELECT count(*)::int AS n FROM member_cells c JOIN organisations o ON o.id = c.org_id
      JOIN members m ON m.id = c.member_id WHERE c.valid_from < o.valid_from OR c.valid_from < m.admitted_on`);
    expect(early).toBe(0);
  });

  it("gives every cell a secretary and communes their secretaries, some also chairing the People's Council", async () => {
    const cellsWithoutSecretary = await count(sql`
      SELECT count(*)::int AS n FROM organisations o JOIN org_types t ON t.code = o.type_code AND t.holds_members
      WHERE o.status = 'active' AND (SELECT count(*) FROM member_posts p JOIN members m ON m.id = p.member_id
        WHERE p.post_type = 'bi_thu_chi_bo' AND p.org_id = o.id AND p.ended_on IS NULL
          AND m.org_id = o.id AND m.status = 'full') <> 1`);
    expect(cellsWithoutSecretary).toBe(0);
    const communes = await count(sql`
      SELECT count(*)::int AS n FROM organisations WHERE type_code = 'dang_uy_xa' AND status = 'active'`);
    const communeSecretaries = await count(sql`
      SELECT count(DISTINCT p.org_id)::int AS n FROM member_posts p JOIN organisations o ON o.id = p.org_id
      WHERE p.post_type = 'bi_thu' AND o.type_code = 'dang_uy_xa' AND p.ended_on IS NULL`);
    expect(communeSecretaries).toBe(communes);
    const concurrent = await count(sql`
      SELECT count(*)::int AS n FROM member_posts s JOIN member_posts h ON h.member_id = s.member_id
      WHERE s.post_type = 'bi_thu' AND h.post_type = 'chu_tich_hdnd'`);
    expect(concurrent).toBeGreaterThan(communes * 0.3);
    expect(concurrent).toBeLessThan(communes * 0.9);
    const postsOfLeft = await count(sql`
      SELECT count(*)::int AS n FROM member_posts p JOIN members m ON m.id = p.member_id
      WHERE m.status NOT IN ('probationary', 'full') OR p.started_on < m.admitted_on OR p.started_on > ${today}::date`);
    expect(postsOfLeft).toBe(0);
  });

  it("adds nothing when the demo seed or the demo members' run is repeated", async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM members`);
    const again = await seedDemoIfEmpty(db, quiet);
    expect(again.seeded).toBe(false);
    const setting = await db
      .selectFrom("systemSettings")
      .select("value")
      .where("key", "=", "demo_seeded")
      .executeTakeFirstOrThrow();
    const { demoCell } = (typeof setting.value === "string" ? JSON.parse(setting.value) : setting.value) as {
      demoCell: string;
    };
    const repeated = await db
      .transaction()
      .execute((trx) => seedMembers(trx, demoMemberOptions(today, demoCell)));
    expect(repeated.skipped).toBe(true);
    expect(await count(sql`SELECT count(*)::int AS n FROM members`)).toBe(before);
    expect(DEMO_ROOT_CODE).toBe("BN");
  });
});
