// The shared member filter on a real database: scope, subtree, default statuses, name and number
// search, age bands, posts and membership on a date.
import type { MemberFilter } from "@namro/contracts";
import { toSearchKey, vietnameseNameSortKey } from "@namro/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createMember } from "../../../test/member-factories.ts";
import { openTestDatabase } from "../../../test/test-database.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import { type MemberFilterPlan, selectFilteredMembers } from "./members.filter.repository.ts";
import { givenNameFirstPage, givenNameSortPrefixes } from "./members.given-name-search.ts";
import { listMembers, MEMBER_COUNT_CAP, MEMBER_NAME_COUNT_CAP } from "./members.list.repository.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const TODAY = "2026-06-15";

async function names(filter: MemberFilter, scopePaths: string[], canSearchCitizenId = false) {
  const rows = await selectFilteredMembers(database.db, {
    filter,
    scopePaths,
    today: TODAY,
    canSearchCitizenId,
  })
    .select(["m.fullName"])
    .orderBy("m.sortKey")
    .orderBy("m.id")
    .execute();
  return rows.map((row) => row.fullName);
}

describe("selectFilteredMembers", () => {
  it("keeps to the scope and the subtree, active members by default", async () => {
    const p = await createProvince(database.db);
    await createMember(database.db, p.cellA.id, { fullName: "Trần Văn Bình" });
    await createMember(database.db, p.cellB.id, { fullName: "Lê Thị Cúc" });
    await createMember(database.db, p.cellB.id, { fullName: "Phạm Văn Dũng", status: "deceased" });
    expect(await names({}, [p.province.path])).toEqual(["Trần Văn Bình", "Lê Thị Cúc"]);
    expect(await names({}, [p.communeA.path])).toEqual(["Trần Văn Bình"]);
    expect(await names({ orgId: p.communeB.id }, [p.province.path])).toEqual(["Lê Thị Cúc"]);
    // A subtree outside the scope yields nothing, whatever orgId says.
    expect(await names({ orgId: p.communeB.id }, [p.communeA.path])).toEqual([]);
    expect(await names({ status: ["deceased"] }, [p.province.path])).toEqual(["Phạm Văn Dũng"]);
    expect(await names({}, [])).toEqual([]);
  });

  it("filters by a list of organisation ids instead of paths when given (also on a date)", async () => {
    const p = await createProvince(database.db);
    await createMember(database.db, p.cellA.id, { fullName: "Trần Văn Ích" });
    await createMember(database.db, p.cellB.id, { fullName: "Lê Thị Ích" });
    const byIds = async (orgIds: number[], filter: MemberFilter = {}) =>
      (
        await selectFilteredMembers(database.db, {
          filter,
          scopePaths: [p.province.path],
          today: TODAY,
          canSearchCitizenId: false,
          orgIds,
        })
          .select(["m.fullName"])
          .execute()
      ).map((row) => row.fullName);
    expect(await byIds([p.communeA.id, p.cellA.id], { q: "ich" })).toEqual(["Trần Văn Ích"]);
    expect(await byIds([p.cellB.id], { asOf: "2020-01-01" })).toEqual(["Lê Thị Ích"]);
    expect(await byIds([])).toEqual([]);
  });

  it("finds names typed without diacritics, whatever the tone placement or normal form", async () => {
    const p = await createProvince(database.db);
    await createMember(database.db, p.cellA.id, { fullName: "Nguyễn Thị Hoà" });
    await createMember(database.db, p.cellA.id, { fullName: "Nguyễn Thị Hòa" });
    await createMember(database.db, p.cellA.id, { fullName: "Nguyễn Thị Hoa".normalize("NFD") });
    await createMember(database.db, p.cellA.id, { fullName: "Nguyễn Văn Hòa" });
    const scope = [p.province.path];
    expect(await names({ q: "nguyen thi hoa" }, scope)).toHaveLength(3);
    expect(await names({ q: "Nguyễn Thị Hòa".normalize("NFD") }, scope)).toHaveLength(3);
    expect(await names({ q: "hoa" }, scope)).toHaveLength(4);
    expect(await names({ q: "va" }, scope)).toEqual(["Nguyễn Văn Hòa"]);
  });

  it("matches a name where one of its words starts, across words, never mid-word", async () => {
    const p = await createProvince(database.db);
    await createMember(database.db, p.cellA.id, { fullName: "Bùi Ngọc Quang" });
    await createMember(database.db, p.cellA.id, { fullName: "Nguyễn Kim Quang Anh" });
    await createMember(database.db, p.cellA.id, { fullName: "Hoàng Văn Thắng" });
    await createMember(database.db, p.cellA.id, { fullName: "H'Hen Niê" });
    const scope = [p.province.path];
    expect(await names({ q: "quang" }, scope)).toEqual(["Nguyễn Kim Quang Anh", "Bùi Ngọc Quang"]);
    expect(await names({ q: "nguyen kim quang" }, scope)).toEqual(["Nguyễn Kim Quang Anh"]);
    expect(await names({ q: "kim qu" }, scope)).toEqual(["Nguyễn Kim Quang Anh"]);
    expect(await names({ q: "q" }, scope)).toEqual(["Nguyễn Kim Quang Anh", "Bùi Ngọc Quang"]);
    // Inside a word is not where anyone starts typing a Vietnamese syllable.
    expect(await names({ q: "uang" }, scope)).toEqual([]);
    expect(await names({ q: "oang" }, scope)).toEqual([]);
    expect(await names({ q: "kim quang anh bao" }, scope)).toEqual([]);
    expect(await names({ q: "h'he" }, scope)).toEqual(["H'Hen Niê"]);
    expect(await names({ q: "nie" }, scope)).toEqual(["H'Hen Niê"]);
    // Quotes, backslashes and regular-expression characters are plain text.
    for (const q of ["'", "\\", "a\\'b", "(^|", "qu.ng", "quang:*", "quang & anh"]) {
      expect(await names({ q }, scope)).toEqual([]);
    }
  });

  it("finds the same names whichever way listMembers plans the search", async () => {
    const p = await createProvince(database.db);
    for (const fullName of ["Bùi Ngọc Quang", "Nguyễn Kim Quang Anh", "Trần Văn Lâm", "Đỗ Quảng"]) {
      await createMember(database.db, p.cellA.id, { fullName });
    }
    await createMember(database.db, p.cellA.id, { fullName: "Lý Quang Tèo", status: "deceased" });
    const roots = await database.db
      .selectFrom("organisations")
      .select("path")
      .where("parentId", "is", null)
      .execute();
    const everything = roots.map((root) => root.path);
    const planned = async (q: string, plan: MemberFilterPlan) =>
      (
        await selectFilteredMembers(
          database.db,
          { filter: { q }, scopePaths: everything, today: TODAY, canSearchCitizenId: false },
          plan,
        )
          .select(["m.fullName"])
          .where("o.path", "<@", p.province.path)
          .orderBy("m.sortKey")
          .orderBy("m.id")
          .execute()
      ).map((row) => row.fullName);
    for (const q of ["quang", "qu", "nguyen kim", "lam", "quang anh", "teo"]) {
      const expected = await planned(q, {});
      expect(await planned(q, { scopeIsEverything: true, nameMatch: "index" })).toEqual(expected);
      expect(await planned(q, { scopeIsEverything: true, nameMatch: "scan" })).toEqual(expected);
      expect(await planned(q, { nameMatch: "scan" })).toEqual(expected);
    }
    expect(await planned("quang", {})).toEqual(["Nguyễn Kim Quang Anh", "Bùi Ngọc Quang", "Đỗ Quảng"]);
    expect(await planned("teo", {})).toEqual([]);
  });

  it("matches card numbers always and citizen IDs only with the permission", async () => {
    const p = await createProvince(database.db);
    await createMember(database.db, p.cellA.id, {
      fullName: "Đỗ Văn Em",
      cardNumber: "12345678",
      citizenId: "001085012345",
    });
    const scope = [p.province.path];
    expect(await names({ q: "12.345.678" }, scope)).toEqual(["Đỗ Văn Em"]);
    expect(await names({ q: "001085012345" }, scope)).toEqual([]);
    expect(await names({ q: "001085012345" }, scope, true)).toEqual(["Đỗ Văn Em"]);
  });

  it("filters by age band on today, sex, education, theory level and post held", async () => {
    const p = await createProvince(database.db);
    const young = await createMember(database.db, p.cellA.id, {
      fullName: "An Trẻ",
      birthDate: "1995-06-16",
      sex: "female",
      admittedOn: "2018-01-01",
    });
    await createMember(database.db, p.cellA.id, { fullName: "Bình Ba Mốt", birthDate: "1995-06-15" });
    await createMember(database.db, p.cellA.id, {
      fullName: "Cao Lão",
      birthDate: "1955-06-15",
      admittedOn: "1980-01-01",
      theoryLevel: "cao_cap",
    });
    const scope = [p.province.path];
    expect(await names({ ageBand: ["under_31"] }, scope)).toEqual(["An Trẻ"]);
    expect(await names({ ageBand: ["31_40"] }, scope)).toEqual(["Bình Ba Mốt"]);
    expect(await names({ ageBand: ["over_70", "under_31"] }, scope)).toEqual(["Cao Lão", "An Trẻ"]);
    expect(await names({ sex: "female" }, scope)).toEqual(["An Trẻ"]);
    expect(await names({ theoryLevel: ["cao_cap"] }, scope)).toEqual(["Cao Lão"]);
    expect(await names({ educationProfessional: ["tien_si"] }, scope)).toEqual([]);
    await database.db
      .insertInto("memberPosts")
      .values({
        memberId: young.id,
        postType: "bi_thu_chi_bo",
        startedOn: "2020-01-01",
        endedOn: "2024-01-01",
      })
      .execute();
    expect(await names({ postType: "bi_thu_chi_bo" }, scope)).toEqual([]);
    expect(await names({ postType: "bi_thu_chi_bo", asOf: "2022-01-01" }, scope)).toEqual(["An Trẻ"]);
  });

  it("answers who belonged to a cell on a date from the cell history", async () => {
    const p = await createProvince(database.db);
    const cellC = await createOrg(database.db, p.communeA, { typeCode: "chi_bo_truc_thuoc" });
    const moved = await createMember(database.db, p.cellA.id, { fullName: "Vũ Văn Giang" });
    await database.db
      .updateTable("memberCells")
      .set({ validTo: "2024-03-01" })
      .where("memberId", "=", moved.id)
      .execute();
    await database.db
      .insertInto("memberCells")
      .values({ memberId: moved.id, orgId: cellC.id, validFrom: "2024-03-01" })
      .execute();
    await database.db.updateTable("members").set({ orgId: cellC.id }).where("id", "=", moved.id).execute();
    const scope = [p.province.path];
    expect(await names({ orgId: p.cellA.id, asOf: "2024-02-29" }, scope)).toEqual(["Vũ Văn Giang"]);
    expect(await names({ orgId: p.cellA.id, asOf: "2024-03-01" }, scope)).toEqual([]);
    expect(await names({ orgId: cellC.id, asOf: "2024-03-01" }, scope)).toEqual(["Vũ Văn Giang"]);
    expect(await names({ orgId: cellC.id, asOf: "2010-01-01" }, scope)).toEqual([]);
  });
});

describe("listMembers", () => {
  it("counts exactly up to the cap, then reports a capped total and still pages in name order", async () => {
    const p = await createProvince(database.db);
    const names = ["Anh", "Bình", "Chi", "Dũng", "Hoa"];
    await sql`INSERT INTO members (org_id, full_name, search_key, sort_key, sex, birth_date, admitted_on, status, status_since)
      SELECT ${p.cellA.id}::bigint, 'Lê Văn ' || n.name, 'le van ' || n.key, n.sort, 'male', date '1980-01-01', date '2010-01-01', 'full', date '2010-01-01'
      FROM generate_series(1, ${MEMBER_COUNT_CAP + 50}) g
      JOIN (VALUES ${sql.join(
        names.map(
          (name, i) =>
            sql`(${i}::int, ${name}::text, ${toSearchKey(name)}::text, ${vietnameseNameSortKey(`Lê Văn ${name}`)})`,
        ),
      )}) AS n(i, name, key, sort) ON n.i = g % ${names.length}`.execute(database.db);
    const options = {
      filter: { orgId: p.cellA.id },
      scopePaths: [p.province.path],
      today: TODAY,
      canSearchCitizenId: false,
    };
    const broad = await listMembers(database.db, options, { sort: "name", page: 1, pageSize: 3 });
    expect(broad).toMatchObject({ total: MEMBER_COUNT_CAP, totalCapped: true });
    expect(broad.rows.map((row) => row.fullName)).toEqual(["Lê Văn Anh", "Lê Văn Anh", "Lê Văn Anh"]);
    const last = await listMembers(database.db, options, { sort: "-name", page: 1, pageSize: 1 });
    expect(last.rows[0]?.fullName).toBe("Lê Văn Hoa");
    // A name search counts to its own, lower cap.
    const common = await listMembers(
      database.db,
      { ...options, filter: { orgId: p.cellA.id, q: "chi" } },
      { sort: "name", page: 2, pageSize: 2 },
    );
    expect(common).toMatchObject({ total: MEMBER_NAME_COUNT_CAP, totalCapped: true });
    expect(common.rows.map((row) => row.fullName)).toEqual(["Lê Văn Chi", "Lê Văn Chi"]);
    for (const fullName of ["Trần Thị Ích", "Lê Ích", "Phạm Văn Ích Anh"]) {
      await createMember(database.db, p.cellA.id, { fullName });
    }
    const narrow = await listMembers(
      database.db,
      { ...options, filter: { orgId: p.cellA.id, q: "ich" } },
      { sort: "name", page: 1, pageSize: 2 },
    );
    expect(narrow).toMatchObject({ total: 3, totalCapped: false });
    expect(narrow.rows.map((row) => row.fullName)).toEqual(["Phạm Văn Ích Anh", "Lê Ích"]);
    const past = await listMembers(
      database.db,
      { ...options, filter: { orgId: p.cellA.id, q: "ich" } },
      { sort: "name", page: 5000, pageSize: 2 },
    );
    expect(past).toMatchObject({ rows: [], total: 3, totalCapped: false });
    // Over every root organisation the search is planned (no scope condition, a sampled plan).
    const roots = await database.db
      .selectFrom("organisations")
      .select("path")
      .where("parentId", "is", null)
      .execute();
    const national = await listMembers(
      database.db,
      { ...options, filter: { q: "ich anh" }, scopePaths: roots.map((root) => root.path) },
      { sort: "name", page: 1, pageSize: 2 },
    );
    expect(national).toMatchObject({ total: 1, totalCapped: false });
    expect(national.rows.map((row) => row.fullName)).toEqual(["Phạm Văn Ích Anh"]);
    // Names that start with the text pass the cap by themselves: counted no further.
    const common2 = await listMembers(
      database.db,
      { ...options, filter: { q: "le van" }, scopePaths: roots.map((root) => root.path) },
      { sort: "-name", page: 1, pageSize: 2 },
    );
    expect(common2).toMatchObject({ total: MEMBER_NAME_COUNT_CAP, totalCapped: true });
    expect(common2.rows.map((row) => row.fullName)).toEqual(["Lê Văn Hoa", "Lê Văn Hoa"]);
    // A commune's few members, by organisation ids: the same answers.
    const byIds = { ...options, filter: { q: "ich" }, orgIds: [p.cellA.id] };
    expect(await listMembers(database.db, byIds, { sort: "name", page: 1, pageSize: 5 })).toMatchObject({
      total: 3,
      totalCapped: false,
    });
    const capped = await listMembers(
      database.db,
      { ...byIds, filter: { q: "chi" } },
      { sort: "name", page: 1, pageSize: 1 },
    );
    expect(capped).toMatchObject({ total: MEMBER_NAME_COUNT_CAP, totalCapped: true });
    expect(capped.rows.map((row) => row.fullName)).toEqual(["Lê Văn Chi"]);
  });
});

describe("listMembers by given-name ranges", () => {
  it("pages a capped name search over the whole country exactly as the walk in name order would", async () => {
    const p = await createProvince(database.db);
    // More than the cap of one given name in three spellings, behind many names that sort earlier,
    // plus matches on an earlier word and near misses that must stay out.
    const given = ["Thắng", "Thăng", "Thang", "Thẳngx"];
    await sql`INSERT INTO members (org_id, full_name, search_key, sort_key, sex, birth_date, admitted_on, status, status_since)
      SELECT ${p.cellA.id}::bigint, n.name, n.key, n.sort, 'male', date '1980-01-01', date '2010-01-01', 'full', date '2010-01-01'
      FROM generate_series(1, ${MEMBER_NAME_COUNT_CAP + 200}) g
      JOIN (VALUES ${sql.join(
        given.map((name, i) => {
          const full = `Hồ Văn ${name}`;
          return sql`(${i}::int, ${full}::text, ${toSearchKey(full)}::text, ${vietnameseNameSortKey(full)})`;
        }),
      )}) AS n(i, name, key, sort) ON n.i = g % ${given.length}`.execute(database.db);
    for (const fullName of ["Lê Thắng An", "Trần Thăng Long", "Bùi Văn Bthang", "Lê Thắng", "Hồ Thị Anh"]) {
      await createMember(database.db, p.cellA.id, { fullName });
    }
    await createMember(database.db, p.cellA.id, { fullName: "Ngô Thắng Bình", status: "left" });
    const roots = await database.db
      .selectFrom("organisations")
      .select("path")
      .where("parentId", "is", null)
      .execute();
    const options = {
      filter: { q: "thang" },
      scopePaths: roots.map((root) => root.path),
      today: TODAY,
      canSearchCitizenId: false,
    };
    const reference = async (direction: "asc" | "desc", offset: number, limit: number) => {
      const rows = await selectFilteredMembers(database.db, options, { nameMatch: "scan" })
        .select(["m.id"])
        .orderBy("m.sortKey", direction)
        .orderBy("m.id", direction)
        .offset(offset)
        .limit(limit)
        .execute();
      return rows.map((row) => Number(row.id));
    };
    const matching = () => selectFilteredMembers(database.db, options, { nameMatch: "scan" });
    // The branch itself answers (the other-word matches are few) and agrees with the walk.
    for (const [direction, offset] of [
      ["asc", 0],
      ["desc", 0],
      ["asc", 7],
      ["desc", 1190],
    ] as const) {
      const found = await givenNameFirstPage(
        database.db,
        matching,
        "thang",
        direction,
        { limit: 5, offset },
        10_000,
      );
      expect(found?.ids).toEqual(await reference(direction, offset, 5));
      expect(found?.matches).toBe((await reference("asc", 0, 10_000)).length);
    }
    const first = await reference("asc", 0, 3);
    expect(first.length).toBe(3);
    // Through listMembers: capped total, the same pages.
    for (const [sort, pageNumber] of [
      ["name", 1],
      ["-name", 1],
      ["name", 4],
    ] as const) {
      const listed = await listMembers(database.db, options, { sort, page: pageNumber, pageSize: 3 });
      expect(listed).toMatchObject({ total: MEMBER_NAME_COUNT_CAP, totalCapped: true });
      const direction = sort === "name" ? "asc" : "desc";
      expect(listed.rows.map((row) => Number(row.id))).toEqual(
        await reference(direction, (pageNumber - 1) * 3, 3),
      );
    }
    const names = (await listMembers(database.db, options, { sort: "name", page: 1, pageSize: 2 })).rows;
    expect(names.map((row) => row.fullName)).toEqual(["Lê Thắng An", "Trần Thăng Long"]);
    // A rare one-word name: counted exactly from the ranges and the other-word matches; past its end.
    const rare = { ...options, filter: { q: "bthang" } };
    const one = await listMembers(database.db, rare, { sort: "name", page: 1, pageSize: 3 });
    expect(one).toMatchObject({ total: 1, totalCapped: false });
    expect(one.rows.map((row) => row.fullName)).toEqual(["Bùi Văn Bthang"]);
    const long = { ...options, filter: { q: "long" } };
    const beyond = await listMembers(database.db, long, { sort: "name", page: 9, pageSize: 3 });
    expect(beyond).toMatchObject({ rows: [], total: 1, totalCapped: false });
    // Spellings of a given name's start, in the sort key's letters; none for punctuation.
    expect(givenNameSortPrefixes("thang")).toHaveLength(3);
    expect(givenNameSortPrefixes("thang")).toContain(vietnameseNameSortKey("Thắng").split("#")[0]);
    expect(givenNameSortPrefixes("h'he")).toBeNull();
  });
});
