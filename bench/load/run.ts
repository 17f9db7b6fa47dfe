// npm run bench:load -- --db postgres|pglite [--duration 60] [--connections 200] [--warmup 10|30] [--write]
// The load test of issue 7: the province dataset, the real server (`namro serve`) pinned to CPU 0, and
// this process — autocannon driving one connection per signed-in person — pinned to CPU 1, over
// 127.0.0.1 only, for a fixed time. Prints one table (throughput, p50/p95/p99, failures, overall and per
// kind of request, the server's CPU time and memory) and the issue's targets; exits 1 on any failed
// request. `--write` puts the table into docs/BENCHMARKS.md with the date, machine and load average.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startThrowawayPostgres } from "../../apps/api/test/postgres-server.ts";
import { DATASETS_DIR } from "../datasets.ts";
import { describeMachine, machineLine } from "../machine.ts";
import { writeScaleSection } from "../report.ts";
import { type LoadDb, prepareDataset } from "./dataset.ts";
import { runMix } from "./generator.ts";
import { KINDS, type Kind, type LoadSession } from "./mix.ts";
import { GENERATOR_CPU, LOAD_SIGN_IN_RATE_LIMIT, SERVER_CPU, startLoadServer } from "./server.ts";
import { openSessions, resyncSessions } from "./sessions.ts";
import { failureExamples, formatLoadTable, summarise } from "./table.ts";

const HELP = `Usage: npm run bench:load -- --db postgres|pglite [--duration 60] [--connections 200] [--warmup 10|30] [--write] [--cpu-prof] [--kinds a,b] [--each]
The mix of issue 7 against the province dataset, one signed-in person per connection.
PostgreSQL: the database at BENCH_POSTGRES_URL (seeded there once), else a throwaway server of this machine's
PostgreSQL binaries seeded with the province scale in this run (about a minute; fsync off).
PGlite: the folder bench/.datasets/pglite-province (completed on first use; the uploads and report
cycles of each run are written there). --cpu-prof writes the server's CPU profile to bench/.datasets/profiles.
--kinds runs part of the mix; --each runs each kind alone in turn (capacity and server CPU per request).`;

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "200" },
    warmup: { type: "string" },
    timeout: { type: "string", default: "10" },
    write: { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    kinds: { type: "string" },
    each: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (values.db !== "postgres" && values.db !== "pglite") {
  console.error(`--db phải là postgres hoặc pglite (--db must be postgres or pglite)\n\n${HELP}`);
  process.exit(2);
}
const db: LoadDb = values.db;
const positive = (name: string, raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} phải là số nguyên dương, nhận "${raw}" (--${name} must be a positive integer)`);
    process.exit(2);
  }
  return n;
};
const duration = positive("duration", values.duration);
const connections = positive("connections", values.connections);
// PGlite's first reads fill its page cache and the roll-ups' first read of the day rebuilds them on its
// one connection: a longer warm-up, so the measured part is the steady state.
const warmup =
  values.warmup !== undefined && Number(values.warmup) >= 0
    ? Number(values.warmup)
    : db === "pglite"
      ? 30
      : 10;
const timeout = positive("timeout", values.timeout);
const only = values.kinds ? new Set(values.kinds.split(",").map((k) => k.trim())) : null;
for (const kind of only ?? []) {
  if (!(KINDS as readonly string[]).includes(kind)) {
    console.error(`--kinds: không có loại "${kind}" (no such kind); one of: ${KINDS.join(", ")}`);
    process.exit(2);
  }
}
// Read before pinning: nproc inside this process counts only the CPU it may use.
const machine = machineLine(describeMachine());

const cpus = Number(execFileSync("nproc", ["--all"], { encoding: "utf8" }).trim());
if (cpus < 2) {
  console.error("Cần ít nhất 2 CPU: máy chủ và bộ tạo tải chạy trên hai lõi khác nhau (needs 2 CPUs)");
  process.exit(2);
}
// Started before this process is pinned, so the database server keeps both CPUs.
const throwaway =
  db === "postgres" && !process.env.BENCH_POSTGRES_URL ? await startThrowawayPostgres() : null;
if (throwaway) process.once("exit", () => throwaway.stop());
// This process (the load generator) on CPU 1, every thread; the server goes on CPU 0.
execFileSync("taskset", ["-a", "-p", "-c", GENERATOR_CPU, String(process.pid)], { stdio: "ignore" });

const postgresUrl = process.env.BENCH_POSTGRES_URL ?? throwaway?.url ?? "";
const pgliteDir = join(DATASETS_DIR, "pglite-province");
const placement =
  db === "postgres"
    ? `server (\`namro serve\`) pinned to CPU ${SERVER_CPU}, load generator (autocannon) pinned to CPU ${GENERATOR_CPU}; ` +
      `PostgreSQL ${throwaway ? "a throwaway server (fsync off)" : postgresUrl.replace(/\/\/[^@]*@/, "//")} not pinned (shares both CPUs), pool of 10 connections`
    : `server (\`namro serve\`, PGlite in its worker thread — the database shares the server's CPU) pinned to CPU ${SERVER_CPU}, ` +
      `load generator (autocannon) pinned to CPU ${GENERATOR_CPU}; data folder bench/.datasets/pglite-province`;

const loadBefore = loadavg();
console.error(`Dữ liệu quy mô tỉnh (province dataset, ${db}) …`);
const plans = await prepareDataset(db, { postgresUrl, pgliteDir, sessions: connections });
const profileDir = values["cpu-prof"] ? join(DATASETS_DIR, "profiles") : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });
console.error("Khởi động máy chủ (starting the server) …");
const server = await startLoadServer(db, { postgresUrl, pgliteDir }, { cpuProfileDir: profileDir });
let exitCode = 0;
try {
  console.error(`${connections} người đăng nhập (signing in ${connections} people) …`);
  const sessions = await openSessions(server.baseUrl, plans, only as ReadonlySet<Kind> | null);
  if (values.each) {
    // Diagnosis: each kind alone at the same concurrency, for its capacity and server CPU per request.
    console.log(
      "| kind alone | req/s | p50 | p99 | server CPU ms/request | failed |\n|---|---:|---:|---:|---:|---:|",
    );
    for (const kind of only ?? KINDS) {
      for (const session of sessions) session.restrictTo(new Set([kind as Kind]));
      await runMix(server.baseUrl, sessions, 2, timeout);
      await resyncSessions(server.baseUrl, sessions);
      const cpu = server.cpuSeconds();
      const part = await runMix(server.baseUrl, sessions, duration, timeout);
      const used = server.cpuSeconds() - cpu;
      await resyncSessions(server.baseUrl, sessions);
      const s = summarise(db, part);
      console.log(
        `| ${kind} | ${s.throughput.toFixed(0)} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${((1000 * used) / Math.max(1, s.requests)).toFixed(2)} | ${s.failures} |`,
      );
    }
    process.exitCode = 0;
  } else {
    if (warmup > 0) {
      console.error(`Khởi động ${warmup} s (warm-up, not counted) …`);
      await runMix(server.baseUrl, sessions, warmup, timeout);
      await resyncSessions(server.baseUrl, sessions);
    }
    exitCode = await measure(sessions);
  }
} finally {
  await server.stop();
  if (profileDir) console.error(`CPU profile in ${profileDir}`);
}
process.exit(exitCode);

async function measure(sessions: LoadSession[]): Promise<number> {
  let exitCode = 0;
  const reporting = sessions.filter((s) => s.cycle !== null).length;
  console.error(`Đo ${duration} s (measuring) …`);
  const cpuBefore = server.cpuSeconds();
  const run = await runMix(server.baseUrl, sessions, duration, timeout);
  const usage = {
    cpuSeconds: server.cpuSeconds() - cpuBefore,
    rssMb: server.rssMb(),
    peakRssMb: server.peakRssMb(),
  };
  const loadAfter = loadavg();
  const summary = summarise(db, run);
  const table = formatLoadTable(db, run, summary, usage);
  const date = new Date().toISOString().slice(0, 10);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
  const notes = [
    `Measured ${date} on ${machine}; load average before ${load(loadBefore)}, after ${load(loadAfter)}.`,
    `${db === "postgres" ? "PostgreSQL" : "Embedded (PGlite)"}, province dataset; ${connections} connections, each its own signed-in person ` +
      `${only ? `only ${[...only].join(", ")}; ` : ""}(${reporting} of them cycling a progress report: submit, return, submit again), ${warmup} s warm-up then ${duration} s measured, ` +
      `request timeout ${timeout} s; ${placement}. Sign-in rate limit raised to ${LOAD_SIGN_IN_RATE_LIMIT}/min (all from 127.0.0.1); background jobs and the embedded daily backup off.`,
  ].join("\n");
  console.log(`\n${notes}\n\n${table}\n`);
  const examples = failureExamples(run);
  if (summary.failures > 0) {
    console.error(`\n*** ${summary.failures} YÊU CẦU THẤT BẠI (FAILED REQUESTS) ***\n${examples.join("\n")}`);
    const tail = server.output().split("\n").slice(-30).join("\n");
    if (tail.trim() !== "") console.error(`\nserver output (last lines):\n${tail}`);
    exitCode = 1;
  }
  if (values.write) {
    writeScaleSection(
      `load-${db}`,
      `${notes}\n\n${table}`,
      db === "postgres" ? "Load test: PostgreSQL" : "Load test: embedded (PGlite)",
    );
    console.error("docs/BENCHMARKS.md updated");
  }
  return exitCode;
}
