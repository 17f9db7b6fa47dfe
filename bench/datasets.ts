// Datasets for the benchmarks: a throwaway PostgreSQL server seeded in this run (the seed is itself
// measured), and a PGlite data folder seeded once and kept in bench/.datasets/pglite-<scale>.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { type DatabaseHandle, openDatabase } from "../apps/api/src/db/database.ts";
import { migrateToLatest } from "../apps/api/src/db/migrator.ts";
import { type SeedScale, seedScale } from "../apps/api/src/seed/seed-scale.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../apps/api/test/postgres-server.ts";

export const DATASETS_DIR = join(import.meta.dirname, ".datasets");

export interface Dataset {
  label: "postgres" | "pglite";
  database: DatabaseHandle;
  close(): Promise<void>;
}

export interface PostgresDataset extends Dataset {
  label: "postgres";
  server: ThrowawayPostgres;
  seedMs: number;
  serverVersion: string;
}

const log = (message: string) => console.error(`  ${message}`);

/** Starts a server, migrates it and seeds `scale`, timing the seed. */
export async function postgresDataset(scale: SeedScale): Promise<PostgresDataset> {
  console.error("PostgreSQL: starting a throwaway server …");
  const server = await startThrowawayPostgres();
  try {
    const database = await openDatabase(
      { kind: "server", url: server.url, poolSize: 4 },
      { statementTimeoutMs: 0 },
    );
    await migrateToLatest(database.db);
    console.error(`PostgreSQL: seeding scale ${scale} …`);
    const started = performance.now();
    await seedScale(database.db, scale, log);
    const seedMs = performance.now() - started;
    await sql`ANALYZE`.execute(database.db);
    const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(
      database.db,
    );
    return {
      label: "postgres",
      database,
      server,
      seedMs,
      serverVersion: version.rows[0]?.v ?? "?",
      async close() {
        await database.close();
        server.stop();
      },
    };
  } catch (error) {
    server.stop();
    throw error;
  }
}

/** The cached PGlite folder for `scale`, seeded on first use (a marker file says it finished). */
export async function pgliteDataset(scale: SeedScale): Promise<Dataset> {
  const dir = join(DATASETS_DIR, `pglite-${scale}`);
  const marker = join(dir, "seeded.json");
  if (existsSync(dir) && !existsSync(marker)) {
    // An interrupted seed: seedScale resumes per province, so keep the folder and continue.
    console.error(`PGlite: continuing the unfinished dataset in ${dir} …`);
  } else if (!existsSync(dir)) {
    console.error(`PGlite: building ${dir} (once; national takes minutes) …`);
  }
  const database = await openDatabase({ kind: "embedded", dataDir: dir }, { statementTimeoutMs: 0 });
  try {
    // Migrations are idempotent: a cached folder made before a new migration gets it here.
    await migrateToLatest(database.db);
    if (!existsSync(marker)) {
      const started = performance.now();
      await seedScale(database.db, scale, log);
      await sql`ANALYZE`.execute(database.db);
      const temp = `${marker}.tmp`;
      writeFileSync(temp, JSON.stringify({ scale, seedMs: performance.now() - started, at: new Date() }));
      renameSync(temp, marker);
    } else {
      const info = JSON.parse(readFileSync(marker, "utf8")) as { at: string };
      console.error(`PGlite: reusing ${dir} (seeded ${info.at})`);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    label: "pglite",
    database,
    close: () => database.close(),
  };
}

export function removePgliteDataset(scale: SeedScale): void {
  rmSync(join(DATASETS_DIR, `pglite-${scale}`), { recursive: true, force: true });
}
