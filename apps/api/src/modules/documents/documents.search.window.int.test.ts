// The head window of a search over the whole register (HEAD_WINDOW, documents.list.repository.ts): the
// newest documents first, the whole register when they hold too few matches. Either way the list is the
// one the whole register gives: the same documents, ranks, order and totals. And the first page without
// a query, counted by id, says the same total as the documents listed.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { openTestDatabase } from "../../../test/test-database.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import {
  type DocumentListOptions,
  type DocumentListResult,
  listDocuments,
  SEARCH_CAP,
} from "./documents.list.repository.ts";
import { refreshSearchVectors } from "./documents.search.repository.ts";

let database: DatabaseHandle;
let everything: DocumentListOptions["scope"];
/** The province holding the documents below (another province holds one more). */
let provinceOnly: DocumentListOptions["scope"];
/** Matching documents, newest first (issued 2020-01-01 + g days, g descending). */
let matching: number[];

async function insertDocuments(
  rootId: number,
  count: number,
  from: number,
  subject: string,
  placeholder = false,
) {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO documents (owner_org_id, system, type_id, type_abbreviation, issuer_codes, issued_on, subject, is_placeholder)
    SELECT ${rootId}, 'party', t.id, 'TB', '{TU}', date '2020-01-01' + g, ${subject} || ' ' || g, ${placeholder}::boolean
    FROM generate_series(${from}::int, ${from + count - 1}::int) AS g,
      (SELECT id FROM document_types WHERE abbreviation = 'TB' AND system = 'party') t
    ORDER BY g
    RETURNING id`.execute(database.db);
  const ids = rows.map((row) => Number(row.id));
  // A body repeating the subject: a document ranked as a body match (tier 1, the whole vector) would
  // rank differently from the head match it is.
  await sql`INSERT INTO document_texts (document_id, body)
    SELECT id, subject || '. ' || subject FROM documents WHERE id = ANY(${ids}::bigint[])`.execute(
    database.db,
  );
  await refreshSearchVectors(database.db, ids);
  return ids;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const { province } = await createProvince(database.db);
  // SEARCH_CAP + 40 matches (2020-01-01 … ), then 100 newer documents without the words, and a newer
  // placeholder with them (never listed).
  matching = (
    await insertDocuments(province.id, SEARCH_CAP + 40, 0, "Thông báo về phòng chống thiên tai")
  ).reverse();
  await insertDocuments(province.id, 100, SEARCH_CAP + 40, "Báo cáo tổng kết công tác");
  // 50 older documents with "tong ket", older than every other (2019).
  await insertDocuments(province.id, 50, -100, "Báo cáo tổng kết công tác");
  await insertDocuments(province.id, 1, SEARCH_CAP + 200, "Thông báo về phòng chống thiên tai", true);
  const other = await createProvince(database.db);
  await insertDocuments(other.province.id, 1, 0, "Thông báo của tỉnh khác");
  const provincePath = (
    await sql<{
      path: string;
    }>`SELECT path::text AS path FROM organisations WHERE id = ${province.id}`.execute(database.db)
  ).rows[0]?.path as string;
  provinceOnly = { readPaths: [provincePath], confidentialPaths: [provincePath] };
  const { rows } = await sql<{ path: string }>`
    SELECT path::text AS path FROM organisations WHERE parent_id IS NULL`.execute(database.db);
  const paths = rows.map((row) => row.path);
  everything = { readPaths: paths, confidentialPaths: paths };
});
afterAll(async () => {
  await database.close();
});

async function search(
  query: string | null,
  headWindow: number,
  extra: Partial<DocumentListOptions> = {},
): Promise<DocumentListResult> {
  return listDocuments(database.db, {
    scope: everything,
    filter: { includePlaceholders: false },
    query,
    page: 1,
    pageSize: SEARCH_CAP,
    headWindow,
    ...extra,
  });
}

const summary = (result: DocumentListResult) => ({
  ids: result.rows.map((row) => row.id),
  ranks: result.rows.map((row) => row.rank),
  total: result.total,
  totalIsLowerBound: result.totalIsLowerBound,
});

describe("the head window of a search over the whole register", () => {
  it("lists the newest SEARCH_CAP matches whether the window holds enough of them or not", async () => {
    const whole = await search("thien tai", 0);
    // Every match has the same rank: the list is the newest SEARCH_CAP of them, the placeholder left out.
    expect(new Set(whole.rows.map((row) => row.id))).toEqual(new Set(matching.slice(0, SEARCH_CAP)));
    expect(whole).toMatchObject({ total: SEARCH_CAP, totalIsLowerBound: true });
    // 1,000 newest: the placeholder, 100 without the words, then every match (the window fills); its
    // first fifth holds 99 matches, 5 × 99 > SEARCH_CAP. 150 newest: its first fifth (30) holds none,
    // the window is not read, the whole register is.
    for (const window of [1_000, 150]) {
      expect(summary(await search("thien tai", window)), `window ${window}`).toEqual(summary(whole));
    }
  });

  it("keeps to the year filter inside and outside the window", async () => {
    const year = { filter: { includePlaceholders: false, year: 2020 } };
    const whole = await search("thien tai", 0, year);
    expect(whole.rows.length).toBeGreaterThan(0);
    expect(whole.rows.every((row) => row.issuedOn?.startsWith("2020"))).toBe(true);
    for (const window of [1_000, 10]) {
      expect(summary(await search("thien tai", window, year)), `window ${window}`).toEqual(summary(whole));
    }
  });

  it("searches the whole register when the window, read, holds too few", async () => {
    // "tong ket": the 100 newest documents but the placeholder, and the 50 oldest. A window of 250:
    // its first fifth holds 49 matches (5 × 49 > SEARCH_CAP), the window only 100 — the 50 oldest
    // are found by the whole register's search.
    const whole = await search("tong ket", 0);
    expect(whole.rows).toHaveLength(150);
    for (const window of [250, 1_000, 50, 5]) {
      expect(summary(await search("tong ket", window)), `window ${window}`).toEqual(summary(whole));
    }
  });
});

describe("the first page without a query", () => {
  it("counts the documents it lists, placeholders left out, by id on a large register as by set", async () => {
    for (const largeRegister of [true, false]) {
      const result = await listDocuments(database.db, {
        scope: provinceOnly,
        filter: { includePlaceholders: false },
        query: null,
        page: 1,
        pageSize: 20,
        largeRegister,
      });
      expect(result, `large ${largeRegister}`).toMatchObject({
        total: SEARCH_CAP + 190,
        totalIsLowerBound: false,
      });
      expect(result.rows[0]?.subject).toBe(`Báo cáo tổng kết công tác ${SEARCH_CAP + 139}`);
    }
  });
});
