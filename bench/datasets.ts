// Datasets for the benchmarks: a PostgreSQL server (BENCH_POSTGRES_URL, or a throwaway one seeded in
// this run), and a PGlite data folder seeded once and kept in bench/.datasets/pglite-<scale>.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { type DatabaseHandle, openDatabase } from "../apps/api/src/db/database.ts";
import { migrateToLatest } from "../apps/api/src/db/migrator.ts";
import { type SeedScale, seedScale, seedScaleMembers } from "../apps/api/src/seed/seed-scale.ts";
import { seedScaleDocuments } from "../apps/api/src/seed/seed-scale-documents.ts";
import { seedScaleTasks } from "../apps/api/src/seed/seed-scale-tasks.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../apps/api/test/postgres-server.ts";

export const DATASETS_DIR = join(import.meta.dirname, ".datasets");

export interface Dataset {
  label: "postgres" | "pglite";
  /** The scale seeded (targets of the capability issues are set for one scale or another). */
  scale: SeedScale;
  database: DatabaseHandle;
  /** PGlite: the host folder the database's data directory is mounted from. */
  hostDataDir?: string;
  close(): Promise<void>;
}

export interface PostgresDataset extends Dataset {
  label: "postgres";
  /** null when an existing server was reused (BENCH_POSTGRES_URL). */
  server: ThrowawayPostgres | null;
  /** Where the dataset is (the seed benchmark creates a scratch database beside it). */
  url: string;
  /** Organisations and accounts (seedScale without members); 0 when nothing was left to seed. */
  seedMs: number;
  /** Members (seedScaleMembers); null when not asked for. */
  membersSeedMs: number | null;
  /** The register (seedScaleDocuments); null when not asked for. */
  documentsSeedMs: number | null;
  /** Five-clears tasks (seedScaleTasks); null when not asked for. */
  tasksSeedMs: number | null;
  /** Whether the seed ran in this run (false: the data was there already). */
  seeded: boolean;
  serverVersion: string;
}

export interface DatasetOptions {
  /** Seed the members of the scale too (resumable: nothing happens when they are there). */
  members: boolean;
  /** Seed the register of the scale too (resumable, per province). */
  documents?: boolean;
  /** Seed the five-clears tasks of the scale too (resumable, per province; after the register, whose plans they use). */
  tasks?: boolean;
}

const log = (message: string) => console.error(`  ${message}`);

/**
 * Starts a server, migrates it and seeds `scale`, timing the seed (organisations, then members). With
 * BENCH_POSTGRES_URL set, that server is used instead and only what is missing is seeded (a national
 * member seed takes minutes: seed once with `npx namro seed --scale national`, then reuse).
 */
export async function postgresDataset(
  scale: SeedScale,
  options: DatasetOptions = { members: false },
): Promise<PostgresDataset> {
  const reuse = process.env.BENCH_POSTGRES_URL;
  let server: ThrowawayPostgres | null = null;
  if (reuse) console.error("PostgreSQL: reusing the server at BENCH_POSTGRES_URL …");
  else {
    console.error("PostgreSQL: starting a throwaway server …");
    server = await startThrowawayPostgres();
  }
  const url = reuse ?? (server as ThrowawayPostgres).url;
  try {
    const database = await openDatabase({ kind: "server", url, poolSize: 4 }, { statementTimeoutMs: 0 });
    await migrateToLatest(database.db);
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM organisations`.execute(
      database.db,
    );
    console.error(`PostgreSQL: seeding scale ${scale} …`);
    const started = performance.now();
    const seeded = await seedScale(database.db, scale, log, {
      members: false,
      documents: false,
      tasks: false,
    });
    const seedMs = performance.now() - started;
    let added = seeded.organisationsCreated + seeded.accountsCreated + (seeded.demo.seeded ? 1 : 0);
    let documentsSeedMs: number | null = null;
    if (options.documents && scale !== "demo") {
      const documentsStarted = performance.now();
      added += (await seedScaleDocuments(database.db, scale, log)).documents;
      documentsSeedMs = performance.now() - documentsStarted;
    }
    let tasksSeedMs: number | null = null;
    if (options.tasks && scale !== "demo") {
      const tasksStarted = performance.now();
      added += (await seedScaleTasks(database.db, scale, log)).tasks;
      tasksSeedMs = performance.now() - tasksStarted;
    }
    let membersSeedMs: number | null = null;
    if (options.members) {
      const membersStarted = performance.now();
      added += await seedScaleMembers(database.db, scale, log);
      membersSeedMs = performance.now() - membersStarted;
    }
    // Fresh statistics after a seed; a reused, complete dataset keeps its own (ANALYZE of a national
    // database takes minutes).
    if (added > 0) await sql`ANALYZE`.execute(database.db);
    const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(
      database.db,
    );
    return {
      label: "postgres",
      scale,
      database,
      server,
      url,
      seedMs,
      membersSeedMs,
      documentsSeedMs,
      tasksSeedMs,
      seeded: Number(before.rows[0]?.n ?? 0) === 0,
      serverVersion: version.rows[0]?.v ?? "?",
      async close() {
        await database.close();
        server?.stop();
      },
    };
  } catch (error) {
    server?.stop();
    throw error;
  }
}

/** The cached PGlite folder for `scale`, seeded on first use (a marker file says it finished). */
export async function pgliteDataset(
  scale: SeedScale,
  options: DatasetOptions = { members: false },
): Promise<Dataset> {
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
      await seedScale(database.db, scale, log, { members: false, documents: false, tasks: false });
      await sql`ANALYZE`.execute(database.db);
      const temp = `${marker}.tmp`;
      writeFileSync(temp, JSON.stringify({ scale, seedMs: performance.now() - started, at: new Date() }));
      renameSync(temp, marker);
    } else {
      const info = JSON.parse(readFileSync(marker, "utf8")) as { at: string };
      console.error(`PGlite: reusing ${dir} (seeded ${info.at})`);
    }
    // The register and the members are seeded on demand and resume per province; a finished run is a no-op.
    if (options.documents && scale !== "demo") {
      const done = await seedScaleDocuments(database.db, scale, log);
      if (done.documents > 0) console.error(`PGlite: ${done.documents} documents added`);
    }
    if (options.tasks && scale !== "demo") {
      const done = await seedScaleTasks(database.db, scale, log);
      if (done.tasks > 0) console.error(`PGlite: ${done.tasks} tasks added`);
    }
    if (options.members && (await seedScaleMembers(database.db, scale, log)) > 0) {
      await sql`ANALYZE`.execute(database.db);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    label: "pglite",
    scale,
    database,
    // The embedded server keeps PGlite's files in <folder>/pglite (embedded-server.ts).
    hostDataDir: join(dir, "pglite"),
    close: () => database.close(),
  };
}

export function removePgliteDataset(scale: SeedScale): void {
  rmSync(join(DATASETS_DIR, `pglite-${scale}`), { recursive: true, force: true });
}
