// The first page of a name search in name order without walking the whole order. Members sort by
// given name first (ADR 0005), so the matches whose given name starts with the text's last word lie
// in a few ranges of sort_key (one per spelling with diacritics: "thang" is Thang, Thăng, Thâng) and
// are read there in order, index only. Every other match has an earlier word that starts the match
// and, because its given name does not, no word suffix equal to the whole text: the word-start index
// finds those as `'text':* & !'text'` — usually few. A common given name that sorts late ("thang",
// 44,000 members after 4.1 million others) is then read in milliseconds instead of a walk of the
// order that meets its first match after most of the index.
import { vietnameseSortKey } from "@namro/domain";
import { type SqlBool, sql } from "kysely";
import type { Executor, FilteredMembersQuery } from "./members.filter.repository.ts";

/** Beyond this many other-word matches the ranges do not pay: the caller walks the order. */
export const GIVEN_NAME_OTHER_MATCHES = 500;

/** More spellings than this (a long word full of vowels) and the caller walks the order. */
const MAX_SPELLINGS = 32;

/** Letters of a search key (no diacritics) and the Vietnamese letters they stand for. */
const SPELLINGS: Record<string, readonly string[]> = {
  a: ["a", "ă", "â"],
  d: ["d", "đ"],
  e: ["e", "ê"],
  o: ["o", "ô", "ơ"],
  u: ["u", "ư"],
};

/**
 * The sort_key prefixes of the given names that start with `word` (a search key word: no diacritics),
 * or null when the word holds anything but a–z and digits (punctuation is not in the sort key, so the
 * ranges would not be exact) or has too many spellings.
 */
export function givenNameSortPrefixes(word: string): string[] | null {
  if (!/^[a-z0-9]+$/.test(word)) return null;
  let spellings = [""];
  for (const char of word) {
    const options = SPELLINGS[char] ?? [char];
    spellings = spellings.flatMap((prefix) => options.map((option) => prefix + option));
    if (spellings.length > MAX_SPELLINGS) return null;
  }
  // The primary part of a sort key (before "!") is the letters' order code, tones left out.
  return spellings.map((spelling) => vietnameseSortKey(spelling).split("!")[0] as string);
}

/**
 * Ids of one page of `matching` (the filtered members with the name matched by its regular
 * expression) in sort_key, id order, or null when the other-word matches are too many. Exact: the
 * ranges and the other-word matches together are every match, each read once. With `countUpTo`,
 * also the number of matches up to it — cheap only for a one-word text, where every member in the
 * ranges matches (a longer text is checked on each, and may match few of a large range).
 */
export async function givenNameFirstPage(
  executor: Executor,
  matching: () => FilteredMembersQuery,
  key: string,
  direction: "asc" | "desc",
  page: { limit: number; offset: number },
  countUpTo?: number,
): Promise<{ ids: number[]; matches: number | null } | null> {
  const prefixes = givenNameSortPrefixes(key.split(" ").at(-1) ?? "");
  if (prefixes === null) return null;
  // Every sort-key character after the prefix is printable ASCII below "~".
  const ranges = prefixes.map(
    (prefix) => sql<SqlBool>`(m.sort_key >= ${prefix} AND m.sort_key < ${`${prefix}~`})`,
  );
  const inRanges = sql<SqlBool>`(${sql.join(ranges, sql` OR `)})`;
  const quoted = `'${key.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  const others = () =>
    matching()
      .where(sql<SqlBool>`member_name_starts(m.search_key) @@ ${`${quoted}:* & !${quoted}`}::tsquery`)
      .where(sql<SqlBool>`NOT ${inRanges}`);
  const dir = sql.raw(direction);
  const keyColumns = [sql.ref("m.sort_key").as("sort_key"), sql.ref("m.id").as("id")];
  const wanted = page.offset + page.limit;
  // One ordered, limited branch per range (index only on members_sort_cover, merged in order) and
  // the other-word matches, read once and counted: past GIVEN_NAME_OTHER_MATCHES the page is not
  // used. One row always, so an empty page still says how many other-word matches there were.
  const branches = [
    ...ranges.map(
      (range) =>
        sql`(${matching()
          .select(keyColumns)
          .where(range)
          .orderBy(sql.ref("m.sort_key"), direction)
          .orderBy(sql.ref("m.id"), direction)
          .limit(wanted)})`,
    ),
    sql`(SELECT o.sort_key, o.id FROM others o)`,
  ];
  // Each range counted up to the limit (in index order, so index only) plus the other-word matches:
  // exact while the sum stays under the limit, since no range then reached it.
  const counts = (limit: number) => [
    ...ranges.map(
      (range) =>
        sql`(SELECT count(*) FROM (${matching()
          .select(sql<number>`1`.as("one"))
          .where(range)
          .orderBy(sql.ref("m.sort_key"))
          .orderBy(sql.ref("m.id"))
          .limit(limit)}) c)`,
    ),
    sql`(SELECT count(*) FROM others)`,
  ];
  const result = await sql<{ others: number; matches: number | null; ids: (number | string)[] | null }>`
    WITH others AS MATERIALIZED (${others()
      .select(keyColumns)
      .limit(GIVEN_NAME_OTHER_MATCHES + 1)})
    SELECT
      (SELECT count(*) FROM others)::int AS others,
      ${countUpTo === undefined ? sql`NULL::int` : sql`(${sql.join(counts(countUpTo), sql` + `)})::int`} AS matches,
      (SELECT array_agg(p.id ORDER BY p.n) FROM (
        SELECT x.id, row_number() OVER (ORDER BY x.sort_key ${dir}, x.id ${dir}) AS n
        FROM (${sql.join(branches, sql` UNION ALL `)}) AS x
        ORDER BY x.sort_key ${dir}, x.id ${dir}
        LIMIT ${page.limit} OFFSET ${page.offset}) p) AS ids`.execute(executor);
  const row = result.rows[0];
  if (!row || Number(row.others) > GIVEN_NAME_OTHER_MATCHES) return null;
  return { ids: (row.ids ?? []).map(Number), matches: row.matches === null ? null : Number(row.matches) };
}
