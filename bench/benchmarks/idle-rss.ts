// Resident memory of the embedded server at idle: `namro serve` with a fresh data folder (migrates and
// seeds the demo on first start), a few requests, ~15 s of idle, then VmRSS of the process (the PGlite
// worker thread lives in the same process). Baseline: a bare `node` waiting on a timer.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PASSWORD } from "../../apps/api/src/seed/demo-seed.ts";
import type { Measurement } from "../stats.ts";

const IDLE_MS = 15_000;
const TARGET_MB = 700;
const repoRoot = join(import.meta.dirname, "../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

async function waitForHealth(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`namro serve exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`namro serve did not answer /api/health in time:\n${log()}`);
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
  const dataDir = mkdtempSync(join(tmpdir(), "namro-bench-rss-"));
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [join(repoRoot, "apps/api/bin/namro.js"), "serve"], {
    cwd: repoRoot,
    env: { ...process.env, NAMRO_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, child, () => output);
    await exercise(base);
    console.error(`  embedded server up; idling ${IDLE_MS / 1000} s …`);
    await sleep(IDLE_MS);
    const rss = rssMb(child.pid as number);
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
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
