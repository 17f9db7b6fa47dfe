// Resident memory of the embedded server at idle: `namro serve` with a fresh data folder (migrates and
// seeds the demo on first start), as a user's server runs — background jobs on, the first automatic
// backup 30 s after start (it keeps ~150 MB) — a few requests, 45 s of idle, then VmRSS of the process
// (the PGlite worker thread lives in the same process). Baseline: a bare `node` waiting on a timer.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "../../apps/api/src/seed/demo-seed.ts";
import { startAppProcess } from "../../scripts/app-process.ts";
import type { Measurement } from "../stats.ts";

const IDLE_MS = 45_000;
const TARGET_MB = 700;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

async function exercise(base: string): Promise<void> {
  await fetch(`${base}/api/system`);
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: DEMO_PASSWORD }),
  });
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
  const headers = { cookie };
  const roots = (await (await fetch(`${base}/api/organisations/roots`, { headers })).json()) as {
    items: { id: number }[];
  };
  const rootId = roots.items[0]?.id;
  if (rootId !== undefined) await fetch(`${base}/api/organisations/${rootId}`, { headers });
  await fetch(`${base}/api/organisations/search?q=tan%20hung`, { headers });
  await fetch(`${base}/api/organisations/search?q=chi%20bo`, { headers });
}

async function bareNodeRss(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "setTimeout(()=>{},20000)"], { stdio: "ignore" });
  await sleep(2_000);
  const rss = rssMb(child.pid as number);
  await stop(child);
  return rss;
}

export async function idleRss(): Promise<Measurement> {
  const app = await startAppProcess("pglite", { NAMRO_JOBS: "1" });
  try {
    await exercise(app.baseUrl);
    console.error(`  embedded server up; idling ${IDLE_MS / 1000} s …`);
    await sleep(IDLE_MS);
    const rss = rssMb(app.pid);
    const baseline = await bareNodeRss();
    return {
      name: "embedded server idle RSS (namro serve, demo data)",
      database: "pglite",
      samples: 1,
      medianMs: rss,
      p95Ms: rss,
      baselineName: "bare node process",
      baselineMedianMs: baseline,
      target: `< ${TARGET_MB} MB`,
      met: rss < TARGET_MB,
      unit: "MB",
    };
  } finally {
    await app.stop();
  }
}
