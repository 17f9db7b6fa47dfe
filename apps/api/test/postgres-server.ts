// A throwaway PostgreSQL server from the machine's own binaries, for tests, browser journeys and
// benchmarks: private port and socket folder, fsync off, removed when stopped.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ThrowawayPostgres {
  url: string;
  port: number;
  binDir: string;
  stop(): void;
}

const INSTALL_HINT =
  "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with " +
  "`apt-get update && apt-get install -y postgresql` or point PG_BIN at their folder.";

export function findPostgresBinDir(): string {
  const candidates = [
    process.env.PG_BIN,
    ...["18", "17", "16", "15"].map((v) => `/usr/lib/postgresql/${v}/bin`),
  ];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  throw new Error(INSTALL_HINT);
}

export async function freePort(): Promise<number> {
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

const runningAsRoot = process.getuid?.() === 0;

/** initdb refuses to run as root, so as root every server command runs as the `postgres` user. */
export function runAsServerUser(binary: string, args: string[]): void {
  const [command, fullArgs] = runningAsRoot
    ? ["runuser", ["-u", "postgres", "--", binary, ...args]]
    : [binary, args];
  const result = spawnSync(command, fullArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${binary} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** A new temporary folder the server user owns (the servers' data and sockets live in it). */
export function serverOwnedTempDir(prefix = "namro-pg-"): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  if (runningAsRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(root, uid, gid);
  }
  return root;
}

/** The settings every throwaway server runs with: private port and socket folder, no durability. */
export function throwawayServerOptions(port: number, socketDir: string): string[] {
  return [
    `-p ${port}`,
    `-k ${socketDir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ];
}

/** A new cluster in `dataDir`: superuser postgres, trust on loopback, UTF-8, no locale. */
export function initDataDir(binDir: string, dataDir: string): void {
  runAsServerUser(join(binDir, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-locale",
  ]);
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinDir();
  const root = serverOwnedTempDir();
  const dataDir = join(root, "data");
  const port = await freePort();
  initDataDir(binDir, dataDir);
  const options = throwawayServerOptions(port, root).join(" ");
  runAsServerUser(join(binDir, "pg_ctl"), [
    "-D",
    dataDir,
    "-o",
    options,
    "-l",
    join(root, "server.log"),
    "-w",
    "start",
  ]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    binDir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsServerUser(join(binDir, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
