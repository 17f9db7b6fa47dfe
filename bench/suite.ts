// Runs the planned benchmarks on one database: the seed on a scratch database, the dataset's own
// benchmarks (tree checks, then the app in process), and the member import in a process of its own so
// its peak RSS holds only the import.
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SeedScale } from "../apps/api/src/seed/seed-scale.ts";
import { openAppFixture } from "./benchmarks/app-fixture.ts";
import { documentCoverage } from "./benchmarks/document-coverage.ts";
import { documentSearch } from "./benchmarks/document-search.ts";
import { documentUpload } from "./benchmarks/document-upload.ts";
import { memberExport } from "./benchmarks/member-export.ts";
import { memberImport } from "./benchmarks/member-import.ts";
import { memberSearch } from "./benchmarks/member-search.ts";
import { memberStatistics } from "./benchmarks/member-statistics.ts";
import { orgPage } from "./benchmarks/org-page.ts";
import { planCheckRoute } from "./benchmarks/plan-check-route.ts";
import { search } from "./benchmarks/search.ts";
import { seedBenchmarkPglite, seedBenchmarkPostgres } from "./benchmarks/seed.ts";
import { taskRollup } from "./benchmarks/task-rollup.ts";
import { treeChecks } from "./benchmarks/tree-checks.ts";
import { type Dataset, pgliteDataset, postgresDataset } from "./datasets.ts";
import {
  type DatabaseLabel,
  DOCUMENT_NAMES,
  IN_APP,
  MEMBER_NAMES,
  type Name,
  TASK_NAMES,
} from "./registry.ts";
import { failedMeasurement, type Measurement } from "./stats.ts";

export interface Results {
  rows: Measurement[];
  notes: string[];
  /** The PostgreSQL server's version, when one was used. */
  postgresVersion: string | null;
}

/** Runs one benchmark; a failure becomes a row that says so (the run goes on). */
export async function guarded(
  results: Results,
  label: string,
  database: string,
  run: () => Promise<Measurement[]>,
): Promise<void> {
  console.error(`▶ ${label} (${database})`);
  try {
    results.rows.push(...(await run()));
  } catch (error) {
    console.error(error);
    results.rows.push(failedMeasurement(label, database, error));
  }
}

type InApp = (
  dataset: Dataset,
  fixture: Awaited<ReturnType<typeof openAppFixture>>,
) => Promise<Measurement[]>;

const IN_APP_RUNS: Partial<Record<Name, InApp>> = {
  "org-page": orgPage,
  search,
  "document-upload": documentUpload,
  "plan-check-route": planCheckRoute,
  "document-coverage": documentCoverage,
  "document-search": documentSearch,
  "task-rollup": (dataset, fixture) => taskRollup(dataset, fixture, dataset.scale === "national"),
  "member-search": memberSearch,
  "member-statistics": memberStatistics,
  "member-export": memberExport,
};

async function runOnDataset(results: Results, dataset: Dataset, run: ReadonlySet<Name>): Promise<void> {
  if (run.has("tree-checks")) await guarded(results, "tree-checks", dataset.label, () => treeChecks(dataset));
  const inApp = IN_APP.filter((name) => run.has(name));
  if (inApp.length === 0) return;
  const fixture = await openAppFixture(dataset);
  try {
    for (const name of inApp) {
      const benchmark = IN_APP_RUNS[name];
      if (benchmark) await guarded(results, name, dataset.label, () => benchmark(dataset, fixture));
    }
  } finally {
    await fixture.close();
  }
}

/** The member import on an opened dataset (`alone`: nothing else ran in this process). */
export async function runMemberImport(results: Results, dataset: Dataset, alone: boolean): Promise<void> {
  const fixture = await openAppFixture(dataset);
  try {
    await guarded(results, "member-import", dataset.label, async () => {
      const result = await memberImport(dataset, fixture, alone);
      results.notes.push(...result.notes);
      return result.rows;
    });
  } finally {
    await fixture.close();
  }
}

/** `bench/run.ts … --rows-out FILE member-import` in a child process; its rows and notes come back. */
async function memberImportInChild(results: Results, database: DatabaseLabel, scale: SeedScale) {
  const file = join(tmpdir(), `namro-bench-import-rows-${process.pid}.json`);
  const args = [join(import.meta.dirname, "run.ts"), "--scale", scale, "--db", database];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...args, "--rows-out", file, "member-import"], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  try {
    const child = JSON.parse(await readFile(file, "utf8")) as Results;
    results.rows.push(...child.rows);
    results.notes.push(...child.notes);
  } catch (error) {
    await guarded(results, "member-import", database, () =>
      Promise.reject(new Error(`child process exited ${code}: ${(error as Error).message}`)),
    );
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Everything planned for `database`. `alone`: only the member import was asked for, so it runs here;
 * otherwise it runs in a child process after this one has closed the dataset (a PGlite folder opens in
 * one process at a time).
 */
export async function runOnDatabase(
  results: Results,
  database: DatabaseLabel,
  scale: SeedScale,
  run: ReadonlySet<Name>,
  alone: boolean,
): Promise<void> {
  if (database === "pglite" && run.has("seed"))
    await guarded(results, "seed", database, async () => [await seedBenchmarkPglite(scale)]);
  const needsDataset = [...run].some((name) => name !== "seed" && name !== "idle-rss");
  if (!needsDataset && !(database === "postgres" && run.has("seed"))) return;
  const tasks = TASK_NAMES.some((name) => run.has(name));
  const options = {
    members: MEMBER_NAMES.some((name) => run.has(name)),
    // The tasks' plans are documents of the register: it comes first.
    documents: tasks || DOCUMENT_NAMES.some((name) => run.has(name)),
    tasks,
  };
  const postgres = database === "postgres" ? await postgresDataset(scale, options) : null;
  const dataset: Dataset = postgres ?? (await pgliteDataset(scale, options));
  try {
    if (postgres) {
      results.postgresVersion = postgres.serverVersion;
      if (postgres.documentsSeedMs !== null && postgres.documentsSeedMs > 1000)
        results.notes.push(`Register seeded in this run: ${(postgres.documentsSeedMs / 1000).toFixed(0)} s.`);
      if (postgres.membersSeedMs !== null && postgres.membersSeedMs > 1000)
        results.notes.push(`Members seeded in this run: ${(postgres.membersSeedMs / 1000).toFixed(0)} s.`);
      if (run.has("seed"))
        await guarded(results, "seed", database, async () => [
          await seedBenchmarkPostgres(postgres.url, scale),
        ]);
    }
    await runOnDataset(results, dataset, run);
    if (alone && run.has("member-import")) await runMemberImport(results, dataset, true);
  } finally {
    await dataset.close();
  }
  if (!alone && run.has("member-import")) await memberImportInChild(results, database, scale);
}
