// npm run bench [-- --scale province|national|demo] [--db postgres|pglite|both] [--write] [names…]
// Runs every benchmark of the capability issues (or the named ones) at one scale, several times each,
// and prints one table: median, p95, the ratio to a baseline measured in the same run, the target and
// whether it was met. `--write` puts the table, date and machine into docs/BENCHMARKS.md.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { SEED_SCALES, type SeedScale } from "../apps/api/src/seed/seed-scale.ts";
import { coverageNotes } from "./benchmarks/document-coverage.ts";
import { documentSearchNotes } from "./benchmarks/document-search.ts";
import { idleRss } from "./benchmarks/idle-rss.ts";
import { memberSearchSamples } from "./benchmarks/member-search.ts";
import { planCheckBenchmark } from "./benchmarks/plan-check.ts";
import { refsBenchmark } from "./benchmarks/refs.ts";
import { searchSamples } from "./benchmarks/search.ts";
import { taskRollupNotes } from "./benchmarks/task-rollup.ts";
import { describeMachine, machineLine } from "./machine.ts";
import { GROUPS, NAMES, type Name, planDatabase, selectNames } from "./registry.ts";
import { writeScaleSection } from "./report.ts";
import { formatTable } from "./stats.ts";
import { guarded, type Results, runOnDatabase } from "./suite.ts";

const HELP = `Usage: npm run bench -- [--scale province|national|demo] [--db postgres|pglite|both] [--write] [name…]
Runs every benchmark named in the capability issues (default) or the named ones: ${NAMES.join(", ")};
groups: ${Object.entries(GROUPS)
  .map(([group, names]) => `${group} = ${names.join(" ")}`)
  .join("; ")}. Default scale national, databases both.
PostgreSQL: the server at BENCH_POSTGRES_URL (seeded there once with \`npx namro seed --scale …\`; only what
is missing is added), else a throwaway server seeded in this run (at national scale without the members,
register and tasks, which take an hour). PGlite reuses bench/.datasets/pglite-<scale>, seeded on first use.
--write (the whole suite only) replaces the scale's table in docs/BENCHMARKS.md.`;

const { values, positionals } = parseArgs({
  options: {
    scale: { type: "string", default: "national" },
    db: { type: "string", default: "both" },
    write: { type: "boolean", default: false },
    // Internal: a child process running one benchmark writes its rows and notes here as JSON.
    "rows-out": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
  allowPositionals: true,
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
/** Bad arguments: say what is wrong and run nothing. */
function usageError(message: string): never {
  console.error(`${message}\n\n${HELP}`);
  process.exit(2);
}
const scale = values.scale as SeedScale;
if (!SEED_SCALES.includes(scale)) usageError(`--scale must be one of ${SEED_SCALES.join(", ")}`);
if (!["postgres", "pglite", "both"].includes(values.db)) usageError("--db must be postgres, pglite or both");
if (values.write && scale === "demo")
  usageError("--write keeps the province and national tables: use --scale province or national");
if (values.write && positionals.length > 0)
  usageError("--write replaces the scale's whole table: run the whole suite (no benchmark names)");
let selected: Set<Name>;
try {
  selected = selectNames(positionals);
} catch (error) {
  usageError((error as Error).message);
}
const databases =
  values.db === "both" ? (["postgres", "pglite"] as const) : [values.db as "postgres" | "pglite"];
const reusedServer = Boolean(process.env.BENCH_POSTGRES_URL);

const results: Results = { rows: [], notes: [], postgresVersion: null };
const skippedNotes: string[] = [];
const startedAt = new Date();
const loadAtStart = loadavg()[0] ?? 0;
const started = performance.now();

// Pure text processing: no dataset, no database.
if (selected.has("refs")) await guarded(results, "refs", "—", async () => [refsBenchmark()]);
if (selected.has("plan-check"))
  await guarded(results, "plan-check", "—", async () => [await planCheckBenchmark()]);

for (const database of databases) {
  const plan = planDatabase(database, scale, selected, reusedServer);
  for (const skip of plan.skipped)
    skippedNotes.push(`- ${skip.names.join(", ")} on ${skip.database}: ${skip.reason}.`);
  await runOnDatabase(results, database, scale, plan.run, selected.size === 1);
}
if (selected.has("idle-rss") && databases.includes("pglite" as never))
  await guarded(results, "idle-rss", "pglite", async () => [await idleRss()]);

if (values["rows-out"]) {
  writeFileSync(values["rows-out"], JSON.stringify(results));
  process.exit(0);
}

const notes = [...results.notes];
const listed = (title: string, lines: string[]) => {
  if (lines.length > 0) notes.push(`${title}:\n\n${lines.map((line) => `- ${line}`).join("\n")}`);
};
if (skippedNotes.length > 0) notes.unshift(`Not run at this scale:\n\n${skippedNotes.join("\n")}`);
listed("Coverage counted", coverageNotes);
listed("Tasks counted", taskRollupNotes);
listed("Document search, first hit", documentSearchNotes);
listed("First member search hits", memberSearchSamples);
listed("First organisation search hits (national administrator)", searchSamples);

const table = formatTable(results.rows);
const machine = describeMachine();
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
const load = `load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
console.log(`\nScale ${scale} — ${startedAt.toISOString()} — ${machineLine(machine)}; ${load}\n`);
console.log(table);
for (const note of notes) console.log(`\n${note}`);
console.log(`\n(${minutes} min)`);

if (values.write) {
  const command = `${reusedServer ? "BENCH_POSTGRES_URL=… " : ""}npm run bench -- --scale ${scale} --db ${values.db} --write`;
  writeScaleSection(
    scale,
    [
      `Measured ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC with \`${command}\` (${minutes} min).`,
      "",
      `Machine: ${machineLine(machine)}${results.postgresVersion ? ` (server reports ${results.postgresVersion})` : ""}; ${load} (above ${machine.cpus} the benchmarks queued for CPU).`,
      "",
      table,
      ...notes.map((note) => `\n${note}`),
    ].join("\n"),
  );
  console.error("docs/BENCHMARKS.md updated.");
}
const missed = results.rows.filter((row) => row.met === false);
if (missed.length > 0)
  console.log(`\nTargets missed: ${missed.map((row) => `${row.name} (${row.database})`).join("; ")}`);
// A miss is a result, not an error; only a benchmark that could not run fails the command.
process.exit(results.rows.some((row) => row.samples === 0) ? 1 : 0);
