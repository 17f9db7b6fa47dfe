// Runs the built app as a child process on a free local port — on a throwaway PostgreSQL server or on
// embedded PGlite in a temporary folder — for browser journeys, screenshots and benchmarks.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  freePort,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "../apps/api/test/postgres-server.ts";

export { freePort };

const root = join(import.meta.dirname, "..");

export interface AppProcess {
  baseUrl: string;
  pid: number;
  /** Everything the app printed so far. */
  output(): string;
  stop(): Promise<void>;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The app exited (${child.exitCode}) before serving:\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer /api/health within 180 s:\n${output()}`);
}

/** `settings`: environment variables over the defaults below (e.g. jobs on, as a user's server runs). */
export async function startAppProcess(
  database: "postgres" | "pglite",
  settings: NodeJS.ProcessEnv = {},
): Promise<AppProcess> {
  let postgres: ThrowawayPostgres | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), "namro-app-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NAMRO_DATA_DIR: dataDir,
    // Every journey signs in from 127.0.0.1: dozens of accounts within a minute, above the default.
    NAMRO_SIGN_IN_RATE_LIMIT: "600",
    // No background reminders: a run in the middle of a journey would add notices to the inboxes it
    // reads (the reminder job has its own integration tests).
    NAMRO_JOBS: "0",
    ...settings,
  };
  if (database === "postgres") {
    postgres = await startThrowawayPostgres();
    env.DATABASE_URL = postgres.url;
    env.NAMRO_DEMO = "1";
  } else {
    delete env.DATABASE_URL;
  }
  const port = await freePort();
  env.PORT = String(port);
  let log = "";
  const child = spawn(process.execPath, [join(root, "apps/api/bin/namro.js"), "serve"], { env, cwd: root });
  child.stdout.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const cleanup = () => {
    postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    child.kill("SIGKILL");
    cleanup();
    throw error;
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    output: () => log,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      cleanup();
    },
  };
}
