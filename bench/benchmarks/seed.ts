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
