// npm run bench [-- --scale demo|province|national] [--db postgres|pglite|both] [--write] [names…]
// Builds or reuses a dataset, runs each benchmark several times and prints one table: median, p95,
// the ratio to a baseline measured in the same run, the target and whether it was met. `--write`
// puts the table, date and machine into docs/BENCHMARKS.md (one table per scale).
import { parseArgs } from "node:util";
import { SEED_SCALES, type SeedScale } from "../apps/api/src/seed/seed-scale.ts";
import { openAppFixture } from "./benchmarks/app-fixture.ts";
import { coverageNotes, documentCoverage } from "./benchmarks/document-coverage.ts";
import { documentSearch, documentSearchNotes } from "./benchmarks/document-search.ts";
import { documentUpload } from "./benchmarks/document-upload.ts";
import { idleRss } from "./benchmarks/idle-rss.ts";
import { memberExport } from "./benchmarks/member-export.ts";
import { memberImport } from "./benchmarks/member-import.ts";
import { memberSearch, memberSearchSamples } from "./benchmarks/member-search.ts";
import { memberStatistics } from "./benchmarks/member-statistics.ts";
import { orgPage } from "./benchmarks/org-page.ts";
import { planCheckBenchmark } from "./benchmarks/plan-check.ts";
import { planCheckRoute } from "./benchmarks/plan-check-route.ts";
import { refsBenchmark } from "./benchmarks/refs.ts";
import { search, searchSamples } from "./benchmarks/search.ts";
import { memberSeedBenchmark, seedBenchmark } from "./benchmarks/seed.ts";
import { taskRollup, taskRollupNotes } from "./benchmarks/task-rollup.ts";
import { treeChecks } from "./benchmarks/tree-checks.ts";
import { type Dataset, pgliteDataset, postgresDataset } from "./datasets.ts";
import { describeMachine, machineLine } from "./machine.ts";
import { writeScaleSection } from "./report.ts";
import { formatTable, type Measurement } from "./stats.ts";

const NAMES = [
  "tree-checks",
  "org-page",
  "search",
  "seed",
  "idle-rss",
  "refs",
  "plan-check",
  "plan-check-route",
  "member-search",
  "member-statistics",
  "member-export",
  "member-import",
  "document-coverage",
  "document-upload",
  "document-search",
  "task-rollup",
] as const;
/** Benchmarks that need the scale's register (seeded on demand at the province and national scales). */
const DOCUMENT_NAMES: readonly Name[] = ["document-coverage", "document-search"];
/** Benchmarks that need the scale's members (seeded on demand; minutes at national scale). */
const MEMBER_NAMES: readonly Name[] = ["member-search", "member-statistics", "member-export"];
type Name = (typeof NAMES)[number];

const HELP = `Usage: npm run bench -- [--scale demo|province|national] [--db postgres|pglite|both] [--write] [name…]
Benchmarks: ${NAMES.join(", ")} (default: all but the member ones;
"members" = the four member benchmarks). Default scale national, databases both.
PostgreSQL runs on a throwaway server seeded in this run (the seed is the "seed" benchmark), or on the
server at BENCH_POSTGRES_URL (seeded there once; only what is missing is added). PGlite reuses
bench/.datasets/pglite-<scale>, seeded on first use. Member benchmarks seed the scale's members (5.6
million at national scale: minutes on PostgreSQL; not done on PGlite at national scale).
--write updates docs/BENCHMARKS.md (the scale's table, or --section <key> for a table of its own).`;

const { values, positionals } = parseArgs({
  options: {
    scale: { type: "string", default: "national" },
    db: { type: "string", default: "both" },
    write: { type: "boolean", default: false },
    section: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
  allowPositionals: true,
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const scale = values.scale as SeedScale;
if (!SEED_SCALES.includes(scale)) throw new Error(`--scale must be one of ${SEED_SCALES.join(", ")}`);
if (!["postgres", "pglite", "both"].includes(values.db))
  throw new Error("--db must be postgres, pglite or both");
// "members" names the member registry's benchmarks (issue 3); they are not in the default set, because
// at national scale their dataset (5.6 million members) takes far longer to seed than the rest runs.
const MEMBER_GROUP: readonly Name[] = [
  "member-search",
  "member-statistics",
  "member-export",
  "member-import",
];
const requested = positionals.flatMap((name) => (name === "members" ? [...MEMBER_GROUP] : [name]));
for (const name of requested) {
  if (!NAMES.includes(name as Name))
    throw new Error(`unknown benchmark "${name}"; known: ${NAMES.join(", ")}, members`);
}
const selected = new Set<Name>(
  requested.length > 0 ? (requested as Name[]) : NAMES.filter((n) => !MEMBER_GROUP.includes(n)),
);
const databases =
  values.db === "both" ? (["postgres", "pglite"] as const) : ([values.db] as ("postgres" | "pglite")[]);

const rows: Measurement[] = [];
const notes: string[] = [];
const startedAt = new Date();
const started = performance.now();

async function guarded(label: string, database: string, run: () => Promise<Measurement[]>): Promise<void> {
  console.error(`▶ ${label} (${database})`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    console.error(error);
    rows.push({
      name: `${label}: FAILED (${String((error as Error).message ?? error).slice(0, 80)})`,
      database,
      samples: 0,
      medianMs: Number.NaN,
      p95Ms: Number.NaN,
      baselineName: "—",
      baselineMedianMs: Number.NaN,
      target: "—",
      met: false,
    });
  }
}

const wantsMembers = MEMBER_NAMES.some((n) => selected.has(n));
const wantsDocuments = DOCUMENT_NAMES.some((n) => selected.has(n));

async function runOn(dataset: Dataset, withMembers: boolean): Promise<void> {
  if (selected.has("tree-checks")) await guarded("tree-checks", dataset.label, () => treeChecks(dataset));
  const inApp: Name[] = [
    "org-page",
    "search",
    "member-import",
    "document-upload",
    "plan-check-route",
    "task-rollup",
    ...DOCUMENT_NAMES,
    ...(withMembers ? MEMBER_NAMES : []),
  ];
  if (inApp.some((n) => selected.has(n))) {
    const fixture = await openAppFixture(dataset);
    try {
      if (selected.has("org-page")) await guarded("org-page", dataset.label, () => orgPage(dataset, fixture));
      if (selected.has("search")) await guarded("search", dataset.label, () => search(dataset, fixture));
      if (selected.has("document-upload"))
        await guarded("document-upload", dataset.label, () => documentUpload(dataset, fixture));
      if (selected.has("plan-check-route"))
        await guarded("plan-check-route", dataset.label, () => planCheckRoute(dataset, fixture));
      if (selected.has("document-coverage"))
        await guarded("document-coverage", dataset.label, () => documentCoverage(dataset, fixture));
      if (selected.has("document-search"))
        await guarded("document-search", dataset.label, () => documentSearch(dataset, fixture));
      if (selected.has("task-rollup"))
        await guarded("task-rollup", dataset.label, () => taskRollup(dataset, fixture, scale === "national"));
      if (withMembers && selected.has("member-search"))
        await guarded("member-search", dataset.label, () => memberSearch(dataset, fixture));
      if (withMembers && selected.has("member-statistics"))
        await guarded("member-statistics", dataset.label, () => memberStatistics(dataset, fixture));
      if (withMembers && selected.has("member-export"))
        await guarded("member-export", dataset.label, () => memberExport(dataset, fixture));
      // Last: it adds 150,000 members, then deletes them again.
      if (selected.has("member-import"))
        await guarded("member-import", dataset.label, async () => {
          const result = await memberImport(dataset, fixture, selected.size === 1);
          notes.push(...result.notes);
          return result.rows;
        });
    } finally {
      await fixture.close();
    }
  }
}

// Pure text processing: no dataset, no database.
if (selected.has("refs")) await guarded("refs", "—", async () => [refsBenchmark()]);
if (selected.has("plan-check")) await guarded("plan-check", "—", async () => [await planCheckBenchmark()]);

const needsDataset = [
  "tree-checks",
  "org-page",
  "search",
  "member-import",
  "document-upload",
  "plan-check-route",
  "task-rollup",
  ...DOCUMENT_NAMES,
  ...MEMBER_NAMES,
].some((n) => selected.has(n as Name));
// Millions of members on PGlite take too long to seed for a benchmark run; PostgreSQL carries that scale.
const pgliteMembers = wantsMembers && scale !== "national";
if (wantsMembers && !pgliteMembers && databases.includes("pglite" as never))
  notes.push("Member benchmarks were not run on PGlite at national scale (5.6 million members).");
let postgresVersion: string | null = null;
for (const database of databases) {
  if (database === "postgres" && (needsDataset || selected.has("seed"))) {
    const dataset = await postgresDataset(scale, { members: wantsMembers, documents: wantsDocuments });
    postgresVersion = dataset.serverVersion;
    try {
      if (selected.has("seed") && !dataset.seeded) {
        notes.push("seed: not measured (BENCH_POSTGRES_URL: the server was seeded before this run).");
      } else if (selected.has("seed")) {
        await guarded("seed", "postgres", async () => {
          const result = await seedBenchmark(dataset, scale);
          notes.push(
            `PostgreSQL after the seed: ${result.organisations} organisations, ${result.accounts} accounts, database size ${result.databaseSize}.`,
          );
          return [result.measurement];
        });
        if (dataset.membersSeedMs !== null) {
          await guarded("seed members", "postgres", async () => [await memberSeedBenchmark(dataset, scale)]);
        }
      }
      if (dataset.documentsSeedMs !== null && dataset.documentsSeedMs > 1000)
        notes.push(
          `seedScaleDocuments ${scale} on PostgreSQL: ${(dataset.documentsSeedMs / 1000).toFixed(0)} s.`,
        );
      await runOn(dataset, true);
    } finally {
      await dataset.close();
    }
  }
  if (database === "pglite" && needsDataset) {
    const dataset = await pgliteDataset(scale, { members: pgliteMembers, documents: wantsDocuments });
    try {
      await runOn(dataset, pgliteMembers);
    } finally {
      await dataset.close();
    }
  }
}
if (selected.has("idle-rss") && databases.includes("pglite" as never)) {
  await guarded("idle-rss", "pglite", async () => [await idleRss()]);
}

if (coverageNotes.length > 0)
  notes.push(`Coverage counted:\n\n${coverageNotes.map((line) => `- ${line}`).join("\n")}`);
if (taskRollupNotes.length > 0)
  notes.push(`Tasks counted:\n\n${taskRollupNotes.map((line) => `- ${line}`).join("\n")}`);
if (documentSearchNotes.length > 0)
  notes.push(`Document search, first hit:\n\n${documentSearchNotes.map((line) => `- ${line}`).join("\n")}`);
if (memberSearchSamples.length > 0) {
  notes.push(`First member search hits:\n\n${memberSearchSamples.map((line) => `- ${line}`).join("\n")}`);
}
if (searchSamples.length > 0) {
  notes.push(
    `First search hits (national administrator):\n\n${searchSamples.map((line) => `- ${line}`).join("\n")}`,
  );
}
const table = formatTable(rows);
const machine = describeMachine();
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
console.log(`\nScale ${scale} — ${startedAt.toISOString()} — ${machineLine(machine)}\n`);
console.log(table);
for (const note of notes) console.log(`\n${note}`);
console.log(`\n(${minutes} min)`);

if (values.write) {
  const section = values.section ?? scale;
  const command = `npm run bench -- --scale ${scale} --db ${values.db}${positionals.length ? ` ${positionals.join(" ")}` : ""}${values.section ? ` --section ${section}` : ""} --write`;
  writeScaleSection(
    section,
    [
      `Measured ${startedAt.toISOString().slice(0, 10)} with \`${command}\` (${minutes} min).`,
      "",
      `Machine: ${machineLine(machine)}${postgresVersion ? ` (server reports ${postgresVersion})` : ""}.`,
      "",
      table,
      ...notes.map((note) => `\n${note}`),
    ].join("\n"),
    section === scale ? `Scale: ${scale}` : `${section} (scale ${scale})`,
  );
  console.error("docs/BENCHMARKS.md updated.");
}
const missed = rows.filter((row) => row.met === false);
if (missed.length > 0)
  console.log(`\nTargets missed: ${missed.map((row) => `${row.name} (${row.database})`).join("; ")}`);
// A miss is a result, not an error; only a benchmark that could not run fails the command.
process.exit(rows.some((row) => row.samples === 0) ? 1 : 0);
