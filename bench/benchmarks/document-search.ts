// Register search (GET /api/documents, a page of 20 with snippets and the capped total) as the national
// administrator, a province's committee staff and a commune's committee staff, in process with
// app.inject. Queries: the most cited number, a 2–3 word topic, a word in nearly every document, a
// phrase, a rare word, the topic under a type and year, and the register's first page without a query.
// Baseline: the bare statement giving the national administrator's page (the tiered candidates and their
// ranking, no visibility rule, no summaries or snippets) — what the app adds on top of the index.
import { toSearchKey } from "@namro/domain";
import { sql } from "kysely";
import { SEARCH_CAP } from "../../apps/api/src/modules/documents/documents.list.repository.ts";
import type { Dataset } from "../datasets.ts";
import { type Measurement, measurement, time } from "../stats.ts";
import { type AppFixture, type BenchSession, signIn } from "./app-fixture.ts";

const ITERATIONS = 20;
const PAGE_SIZE = 20;

/** What each query found, so the table can be read next to its results. */
export const documentSearchNotes: string[] = [];

interface SearchCase {
  label: string;
  query: Record<string, string>;
}

async function cases(dataset: Dataset): Promise<SearchCase[]> {
  const db = dataset.database.db;
  // The number cited by the most documents: its own document must come first among all citing it.
  const cited = await sql<{ symbol: string }>`
    SELECT d.symbol FROM (SELECT to_document_id, count(*) AS n FROM document_relations
      GROUP BY to_document_id ORDER BY n DESC LIMIT 1) r
    JOIN documents d ON d.id = r.to_document_id WHERE d.symbol IS NOT NULL`.execute(db);
  const symbol = cited.rows[0]?.symbol ?? "21-KL/TW";
  // A word found in one document of a small sample: rare in the whole register too.
  const rare = await sql<{ word: string }>`
    SELECT word FROM ts_stat('SELECT search_tsv FROM documents TABLESAMPLE SYSTEM (0.5) REPEATABLE (1)')
    WHERE ndoc = 1 AND word ~ '^[a-z]{4,}$' ORDER BY nentry, word LIMIT 1`.execute(db);
  const word = rare.rows[0]?.word ?? "saoluu";
  return [
    { label: `number "${symbol}" (most cited)`, query: { q: symbol } },
    { label: `topic "kiem tra giam sat"`, query: { q: "kiem tra giam sat" } },
    { label: `common word "dang"`, query: { q: "dang" } },
    { label: `phrase "\\"xay dung dang\\""`, query: { q: '"xay dung dang"' } },
    { label: `rare word "${word}"`, query: { q: word } },
    {
      label: `topic + type KH + year 2025`,
      query: { q: "kiem tra giam sat", typeAbbreviation: "KH", year: "2025" },
    },
    { label: "no query (newest first)", query: {} },
  ];
}

/** The national administrator's page as one bare statement: both tiers, ranked, ids only. */
async function bareSearch(dataset: Dataset, query: Record<string, string>): Promise<number[]> {
  const db = dataset.database.db;
  const filters = sql.join(
    [
      sql`true`,
      ...(query.typeAbbreviation ? [sql`d.type_abbreviation = ${query.typeAbbreviation}`] : []),
      ...(query.year
        ? [
            sql`d.issued_on >= ${`${query.year}-01-01`}::date AND d.issued_on < ${`${Number(query.year) + 1}-01-01`}::date`,
          ]
        : []),
    ],
    sql` AND `,
  );
  if (query.q === undefined) {
    const { rows } = await sql<{ id: number }>`
      SELECT d.id FROM documents d WHERE ${filters}
      ORDER BY d.issued_on DESC NULLS LAST, d.id DESC LIMIT ${PAGE_SIZE}`.execute(db);
    return rows.map((row) => row.id);
  }
  const folded = toSearchKey(query.q);
  const q = sql`websearch_to_tsquery('namro_vi', ${folded})`;
  const numberLike = /^\d+[-/]\S+$/.test(folded);
  const exact = numberLike ? sql`(lower(unaccent(coalesce(d.symbol, ''))) = ${folded})` : sql`false`;
  const { rows } = await sql<{ id: number }>`
    WITH head AS MATERIALIZED (
      SELECT d.id, d.issued_on, ${exact} AS exact FROM documents d WHERE d.search_head @@ ${q} AND ${filters}
      ORDER BY ${numberLike ? sql`exact DESC, ` : sql``}d.issued_on DESC NULLS LAST, d.id DESC LIMIT ${SEARCH_CAP + 1}
    ), body AS MATERIALIZED (
      SELECT d.id, d.issued_on FROM documents d
      WHERE (SELECT count(*) FROM head) <= ${SEARCH_CAP}
        AND d.search_tsv @@ ${q} AND ${filters} AND d.id NOT IN (SELECT id FROM head)
      ORDER BY d.issued_on DESC NULLS LAST, d.id DESC LIMIT ${SEARCH_CAP + 1}
    ), kept AS (
      SELECT * FROM (SELECT id, issued_on, CASE WHEN exact THEN -1 ELSE 0 END AS tier FROM head
        UNION ALL SELECT id, issued_on, 1 FROM body) c
      ORDER BY tier, issued_on DESC NULLS LAST, id DESC LIMIT ${SEARCH_CAP + 1}
    )
    SELECT k.id FROM kept k JOIN documents d ON d.id = k.id
    ORDER BY k.tier,
      ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', CASE WHEN k.tier <= 0 THEN d.search_head ELSE d.search_tsv END, ${q}) DESC,
      k.issued_on DESC NULLS LAST, k.id DESC
    LIMIT ${PAGE_SIZE}`.execute(db);
  return rows.map((row) => row.id);
}

/** A province's committee staff account (the province holding the most documents), signed in. */
async function provinceStaff(dataset: Dataset, fixture: AppFixture): Promise<BenchSession | null> {
  const { rows } = await sql<{ username: string; orgId: number }>`
    SELECT a.username, o.id AS org_id FROM role_assignments r
    JOIN accounts a ON a.id = r.account_id JOIN organisations o ON o.id = r.org_id
    WHERE r.role = 'committee_staff' AND o.parent_id IS NULL AND o.status = 'active'
    ORDER BY (SELECT count(*) FROM documents d WHERE d.owner_org_id = o.id) DESC, o.id LIMIT 1`.execute(
    dataset.database.db,
  );
  const row = rows[0];
  if (!row) return null;
  return { username: row.username, ...(await signIn(fixture.app, row.username)), scopeOrgId: row.orgId };
}

type Page = {
  items: { id: number; symbol: string | null; snippet: string | null }[];
  total: number;
  totalIsLowerBound: boolean;
};

export async function documentSearch(dataset: Dataset, fixture: AppFixture): Promise<Measurement[]> {
  const db = dataset.database.db;
  const counted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM documents`.execute(db);
  const documents = Number(counted.rows[0]?.n ?? 0);
  if (documents === 0) throw new Error("no documents in this dataset: seed the register first");
  // Issue 4: 1,000,000 documents on PostgreSQL (national); the demo province embedded.
  const target =
    dataset.label === "postgres"
      ? dataset.scale === "national"
        ? 100
        : null
      : dataset.scale === "national"
        ? null
        : 50;
  const province = await provinceStaff(dataset, fixture);
  const sessions: [string, BenchSession][] = [
    ["national admin", fixture.admin],
    ...(province ? ([["province staff", province]] as [string, BenchSession][]) : []),
    ["commune staff", fixture.communeStaff],
  ];
  const results: Measurement[] = [];
  for (const { label, query } of await cases(dataset)) {
    const url = `/api/documents?${new URLSearchParams({ ...query, pageSize: String(PAGE_SIZE) }).toString()}`;
    // The bare statement must give the national administrator's page.
    const bareIds = await bareSearch(dataset, query);
    const adminPage = (await fixture.get(fixture.admin, url)) as Page;
    const pageIds = adminPage.items.map((item) => item.id);
    if (JSON.stringify(pageIds) !== JSON.stringify(bareIds))
      throw new Error(
        `${label}: the route's page ${JSON.stringify(pageIds)} ≠ the bare statement's ${JSON.stringify(bareIds)}`,
      );
    const baseline = await time(() => bareSearch(dataset, query), ITERATIONS, 3);
    for (const [who, session] of sessions) {
      const page = (await fixture.get(session, url)) as Page;
      const first = page.items[0];
      documentSearchNotes.push(
        `${dataset.label} ${who} ${label}: ${page.totalIsLowerBound ? "> " : ""}${page.total} — ${first ? `${first.symbol ?? "(unnumbered)"}${first.snippet ? `: ${first.snippet.slice(0, 90)}` : ""}` : "nothing"}`,
      );
      results.push(
        measurement(
          `document search ${label}, ${who} (${documents.toLocaleString("en")} documents)`,
          dataset.label,
          await time(() => fixture.get(session, url), ITERATIONS, 3),
          "bare tiered statement, page ids",
          baseline,
          target,
        ),
      );
    }
  }
  return results;
}
