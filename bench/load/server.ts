// The server under load: `namro serve` as a child process pinned to CPU 0 (taskset), on a free port of
// 127.0.0.1, with its CPU time and memory read from /proc.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../apps/api/test/postgres-server.ts";
import type { LoadDb } from "./dataset.ts";

const root = join(import.meta.dirname, "../..");
export const SERVER_CPU = "0";
export const GENERATOR_CPU = "1";
/** Sign-ins per minute from 127.0.0.1: every session signs in from the same address here. */
export const LOAD_SIGN_IN_RATE_LIMIT = 1_000_000;

export interface LoadServer {
  baseUrl: string;
  pid: number;
  output(): string;
  /** CPU seconds (user + system, every thread: the PGlite worker too) used so far. */
  cpuSeconds(): number;
  rssMb(): number;
  peakRssMb(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds of a process (all its threads), from /proc/<pid>/stat. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may hold spaces: the fields after it start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function statusKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? Number.NaN);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startLoadServer(
  db: LoadDb,
  target: { postgresUrl: string; pgliteDir: string },
  options: { cpuProfileDir: string | null },
): Promise<LoadServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "warn",
    NAMRO_SIGN_IN_RATE_LIMIT: String(LOAD_SIGN_IN_RATE_LIMIT),
    // Reminders and roll-up refreshes run on their own schedule, not as part of the requests measured.
    NAMRO_JOBS: "0",
    // The daily backup of embedded mode would copy the 7 GB dataset in the middle of the run.
    NAMRO_AUTO_BACKUP: "0",
  };
  if (db === "postgres") {
    env.DATABASE_URL = target.postgresUrl;
  } else {
    delete env.DATABASE_URL;
    env.NAMRO_DATA_DIR = target.pgliteDir;
  }
  const nodeArgs = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child: ChildProcess = spawn(
    "taskset",
    ["-c", SERVER_CPU, process.execPath, ...nodeArgs, join(root, "apps/api/bin/namro.js"), "serve"],
    { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not answer /api/health within 300 s:\n${log}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  const pid = child.pid as number;
  return {
    baseUrl,
    pid,
    output: () => log,
    cpuSeconds: () => processCpuSeconds(pid),
    rssMb: () => statusKb(pid, "VmRSS") / 1024,
    peakRssMb: () => statusKb(pid, "VmHWM") / 1024,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
