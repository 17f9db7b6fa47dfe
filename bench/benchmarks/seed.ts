// `seedScale(db, scale)` on PostgreSQL (timed while the dataset was built), against inserting the
// same number of rows with INSERT … SELECT generate_series into an unlogged scratch table.
import { sql } from "kysely";
import type { PostgresDataset } from "../datasets.ts";
import type { Measurement } from "../stats.ts";

export interface SeedResult {
  measurement: Measurement;
  organisations: number;
  accounts: number;
  databaseSize: string;
}

export async function seedBenchmark(dataset: PostgresDataset, scale: string): Promise<SeedResult> {
  const db = dataset.database.db;
  const counts = await sql<{ organisations: number; accounts: number; size: string }>`
    SELECT (SELECT count(*)::int FROM organisations) AS organisations,
           (SELECT count(*)::int FROM accounts) AS accounts,
           pg_size_pretty(pg_database_size(current_database())) AS size`.execute(db);
  const { organisations, accounts, size } = counts.rows[0] ?? { organisations: 0, accounts: 0, size: "?" };
  await sql`CREATE UNLOGGED TABLE bench_scratch (id bigint, code text, name text, path text)`.execute(db);
  const started = performance.now();
  await sql`
    INSERT INTO bench_scratch
    SELECT g, 'X-' || g, 'Chi bộ số ' || g, '1.' || g FROM generate_series(1, ${organisations + accounts}) g`.execute(
    db,
  );
  const baselineMs = performance.now() - started;
  await sql`DROP TABLE bench_scratch`.execute(db);
  const seconds = dataset.seedMs / 1000;
  return {
    organisations,
    accounts,
    databaseSize: size,
    measurement: {
      name: `seedScale ${scale} (${organisations} organisations, ${accounts} accounts; db ${size})`,
      database: "postgres",
      samples: 1,
      medianMs: seconds,
      p95Ms: seconds,
      baselineName: "INSERT … generate_series, same rows",
      baselineMedianMs: baselineMs / 1000,
      target: scale === "national" ? "≤ 60 s" : "— (reported)",
      met: scale === "national" ? seconds <= 60 : null,
      unit: "s",
    },
  };
}

/**
 * `seedScaleMembers(db, scale)` on PostgreSQL (timed while the dataset was built): members with their
 * cell rows, events and posts, against inserting as many rows of similar width with INSERT … SELECT
 * generate_series into an unlogged scratch table without indexes.
 */
export async function memberSeedBenchmark(dataset: PostgresDataset, scale: string): Promise<Measurement> {
  const db = dataset.database.db;
  const counts = await sql<{ members: number; cells: number; events: number; posts: number; size: string }>`
    SELECT (SELECT count(*)::int FROM members) AS members,
           (SELECT count(*)::int FROM member_cells) AS cells,
           (SELECT count(*)::int FROM member_events) AS events,
           (SELECT count(*)::int FROM member_posts) AS posts,
           pg_size_pretty(pg_database_size(current_database())) AS size`.execute(db);
  const c = counts.rows[0] ?? { members: 0, cells: 0, events: 0, posts: 0, size: "?" };
  await sql`CREATE UNLOGGED TABLE bench_scratch (id bigint, org_id bigint, full_name text, search_key text,
    birth_date date, card_number text)`.execute(db);
  const started = performance.now();
  await sql`
    INSERT INTO bench_scratch
    SELECT g, g % 1000, 'Nguyễn Văn ' || g, 'nguyen van ' || g, DATE '1960-01-01' + (g % 15000), g::text
    FROM generate_series(1, ${c.members}) g`.execute(db);
  const baselineMs = performance.now() - started;
  await sql`DROP TABLE bench_scratch`.execute(db);
  const seconds = (dataset.membersSeedMs ?? 0) / 1000;
  return {
    name: `seedScaleMembers ${scale} (${c.members} members, ${c.cells} cell rows, ${c.events} events, ${c.posts} posts; db ${c.size})`,
    database: "postgres",
    samples: 1,
    medianMs: seconds,
    p95Ms: seconds,
    baselineName: "INSERT … generate_series, as many member-like rows, no index",
    baselineMedianMs: baselineMs / 1000,
    target: "— (reported)",
    met: null,
    unit: "s",
  };
}
