import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { openTestDatabase } from "../../test/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import {
  DEMO_PASSWORD,
  FORMER_COMMUNE_CODES,
  MERGED_COMMUNE_CODE,
  MERGER_DATE,
  seedDemoIfEmpty,
} from "./demo-seed.ts";
import { PROVINCE_SCALE_MEMBERS, seedScale } from "./seed-scale.ts";

const quiet = () => {};

describe("demo seed", () => {
  let testApp: TestApp;
  let db: TestApp["database"]["db"];

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.database.db;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("seeds a province of about 1,500 organisations on an empty database", async () => {
    const result = await seedDemoIfEmpty(db, quiet);
    expect(result.seeded).toBe(true);
    expect(result.demoAccounts.map((a) => a.username)).toEqual([
      "admin",
      "vanphong",
      "bithu.tinh",
      "tanhung",
      "bithu.tanhung",
      "phuong.kinhbac",
      "bithu.chibo",
      "dangvien",
    ]);
    const { count } = await db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBeGreaterThan(1400);
    expect(Number(count)).toBeLessThan(1600);
    const communes = await db
      .selectFrom("organisations")
      .select("name")
      .where("typeCode", "=", "dang_uy_xa")
      .where("status", "=", "active")
      .execute();
    expect(communes).toHaveLength(60);
    expect(communes.map((c) => c.name)).toContain("Đảng ủy xã Tân Hưng");
    const root = await db.selectFrom("organisations").selectAll().where("parentId", "is", null).execute();
    expect(root.map((r) => r.name)).toEqual(["Tỉnh ủy Bắc Ninh"]);
    const setting = await db
      .selectFrom("systemSettings")
      .select("key")
      .where("key", "=", "demo_seeded")
      .execute();
    expect(setting).toHaveLength(1);
  });

  it("respects the type rules, keeps paths consistent and writes NFC names with search keys", async () => {
    const { rows: badTypes } = await sql<{ id: number }>`
      SELECT c.id FROM organisations c JOIN organisations p ON p.id = c.parent_id
      WHERE NOT EXISTS (SELECT 1 FROM org_type_rules r WHERE r.parent_type = p.type_code AND r.child_type = c.type_code)
    `.execute(db);
    expect(badTypes).toEqual([]);
    const { rows: badPaths } = await sql<{ id: number }>`
      SELECT c.id FROM organisations c LEFT JOIN organisations p ON p.id = c.parent_id
      WHERE c.path <> CASE WHEN p.id IS NULL THEN c.id::text::ltree ELSE p.path || c.id::text END
    `.execute(db);
    expect(badPaths).toEqual([]);
    const names = await db.selectFrom("organisations").select(["name", "searchKey"]).execute();
    for (const row of names) expect(row.name).toBe(row.name.normalize("NFC"));
    const tanHung = await db
      .selectFrom("organisations")
      .select("searchKey")
      .where("code", "=", MERGED_COMMUNE_CODE)
      .executeTakeFirstOrThrow();
    expect(tanHung.searchKey).toBe("dang uy xa tan hung");
    // Every organisation has exactly one open version.
    const { rows: versionless } = await sql<{ id: number }>`
      SELECT o.id FROM organisations o
      WHERE o.status = 'active' AND (SELECT count(*) FROM org_versions v WHERE v.org_id = o.id AND v.valid_to IS NULL) <> 1
    `.execute(db);
    expect(versionless).toEqual([]);
  });

  it("records the 2025 merger with lineage, closed sources and history as of the day before", async () => {
    const tanHung = await db
      .selectFrom("organisations")
      .selectAll()
      .where("code", "=", MERGED_COMMUNE_CODE)
      .executeTakeFirstOrThrow();
    expect(tanHung.validFrom).toBe(MERGER_DATE);
    const former = await db
      .selectFrom("organisations")
      .selectAll()
      .where("code", "in", [...FORMER_COMMUNE_CODES])
      .orderBy("code")
      .execute();
    expect(former.map((f) => [f.name, f.status, f.validTo])).toEqual([
      ["Đảng ủy xã Hưng Đạo", "merged", MERGER_DATE],
      ["Đảng ủy xã Tân An", "merged", MERGER_DATE],
    ]);
    const lineage = await db.selectFrom("orgLineage").selectAll().execute();
    expect(lineage).toHaveLength(2);
    expect(lineage.every((l) => l.successorId === tanHung.id && l.effectiveDate === MERGER_DATE)).toBe(true);
    expect(lineage.map((l) => l.predecessorId).sort()).toEqual(former.map((f) => f.id).sort());
    const event = await db
      .selectFrom("orgEvents")
      .selectAll()
      .where("kind", "=", "merge")
      .executeTakeFirstOrThrow();
    const parts = await db
      .selectFrom("orgEventParts")
      .select(["orgId", "role"])
      .where("eventId", "=", event.id)
      .execute();
    expect(parts.filter((p) => p.role === "source")).toHaveLength(2);
    expect(parts.filter((p) => p.role === "target").map((p) => p.orgId)).toEqual([tanHung.id]);
    const moved = parts.filter((p) => p.role === "moved_child").map((p) => p.orgId);
    expect(moved.length).toBeGreaterThan(10);

    // The day before: the cells sit under the former communes; today: under Tân Hưng.
    const formerIds = former.map((f) => f.id);
    const { rows: before } = await sql<{ parentId: number }>`
      SELECT parent_id FROM org_versions
      WHERE org_id = ANY(${moved}::bigint[]) AND valid_from <= '2025-06-30' AND (valid_to IS NULL OR valid_to > '2025-06-30')
    `.execute(db);
    expect(before).toHaveLength(moved.length);
    expect(before.every((row) => formerIds.includes(row.parentId))).toBe(true);
    const now = await db
      .selectFrom("organisations")
      .select(["parentId", "path"])
      .where("id", "in", moved)
      .execute();
    expect(now.every((row) => row.parentId === tanHung.id && row.path.startsWith(`${tanHung.path}.`))).toBe(
      true,
    );
  });

  it("lets the demo accounts sign in with the printed password", async () => {
    for (const username of ["admin", "tanhung", "dangvien"]) {
      const session = await testApp.signIn(username, DEMO_PASSWORD);
      expect(session.username).toBe(username);
    }
    const session = await testApp.signIn("tanhung", DEMO_PASSWORD);
    const search = await testApp.call(session, {
      method: "GET",
      url: "/api/organisations/search?q=dang%20uy%20xa%20tan%20hung",
    });
    expect(search.statusCode).toBe(200);
    expect((search.json() as { items: { name: string }[] }).items.map((i) => i.name)).toContain(
      "Đảng ủy xã Tân Hưng",
    );
  });

  it("seeds nothing the second time and still lists the demo accounts", async () => {
    const before = await db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const result = await seedDemoIfEmpty(db, quiet);
    expect(result.seeded).toBe(false);
    expect(result.demoAccounts).toHaveLength(8);
    const after = await db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  // Loads ~180,000 members: allowed longer than the default per-test limit on a busy machine.
  it("bulk-seeds the province scale (commune accounts, members) and is a no-op the second time", {
    timeout: 240_000,
  }, async () => {
    const first = await seedScale(db, "province", quiet);
    expect(first.accountsCreated).toBe(120);
    expect(first.membersCreated).toBeGreaterThan(PROVINCE_SCALE_MEMBERS * 0.95);
    expect(first.membersCreated).toBeLessThan(PROVINCE_SCALE_MEMBERS * 1.05);
    const { rows } = await sql<{ n: number; open: number; cards: number }>`
      SELECT (SELECT count(*)::int FROM members) AS n,
             (SELECT count(*)::int FROM member_cells WHERE valid_to IS NULL) AS open,
             (SELECT count(DISTINCT card_number)::int FROM members) AS cards`.execute(db);
    const counts = rows[0];
    expect(counts?.n).toBeGreaterThan(190_000);
    expect(counts?.open).toBeGreaterThan((counts?.n ?? 0) * 0.99);
    const second = await seedScale(db, "province", quiet);
    expect(second.accountsCreated).toBe(0);
    expect(second.membersCreated).toBe(0);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM members`.execute(db);
    expect(after.rows[0]?.n).toBe(counts?.n);
    const staff = await db
      .selectFrom("roleAssignments as r")
      .innerJoin("accounts as a", "a.id", "r.accountId")
      .innerJoin("organisations as o", "o.id", "r.orgId")
      .select(["a.username", "r.role", "o.name"])
      .where("a.username", "=", "bn-tanhung.bithu")
      .execute();
    expect(staff).toEqual([
      { username: "bn-tanhung.bithu", role: "committee_leader", name: "Đảng ủy xã Tân Hưng" },
    ]);
  });
});

describe("demo seed determinism", () => {
  const handles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of handles) await handle.close();
  });

  it("gives the same organisations in two fresh databases", async () => {
    const trees: { code: string; name: string; typeCode: string; parentCode: string | null }[][] = [];
    for (let i = 0; i < 2; i++) {
      const handle = await openTestDatabase();
      handles.push(handle);
      await seedDemoIfEmpty(handle.db, quiet);
      trees.push(
        await handle.db
          .selectFrom("organisations as o")
          .leftJoin("organisations as p", "p.id", "o.parentId")
          .select(["o.code", "o.name", "o.typeCode", "p.code as parentCode"])
          .orderBy("o.code")
          .execute(),
      );
    }
    expect(trees[0]?.length).toBeGreaterThan(1400);
    expect(trees[1]).toEqual(trees[0]);
    // The members too (the same day): names, birth dates, numbers and cells by code.
    const members = await Promise.all(
      handles.map((handle) =>
        handle.db
          .selectFrom("members as m")
          .innerJoin("organisations as o", "o.id", "m.orgId")
          .select(["m.fullName", "m.birthDate", "m.citizenId", "m.cardNumber", "o.code"])
          .orderBy("m.id")
          .execute(),
      ),
    );
    expect(members[0]?.length).toBeGreaterThan(19_000);
    expect(members[1]).toEqual(members[0]);
  });
});
