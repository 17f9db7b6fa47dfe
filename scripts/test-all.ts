// `npm test`: every suite in order — type-check and lint, unit tests, integration tests on embedded
// PGlite and again on a throwaway PostgreSQL server, read routing against a throwaway primary and hot
// standby, then browser journeys in Debian's Chromium on both databases. It installs the PostgreSQL server binaries and Chromium from Debian when they are
// missing and it may (root with apt-get); otherwise it stops with a message saying what to install.
// Nothing is skipped silently: a missing prerequisite fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { findPostgresBinDir } from "../apps/api/test/postgres-server.ts";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules/.bin", name);
const resultsDir = join(root, ".tmp/test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let aptUpdated = false;
function aptInstall(packages: string[]): boolean {
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    aptUpdated = true;
  }
  return spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env }).status === 0;
}

function provision(): void {
  const hasPostgres = () => {
    try {
      findPostgresBinDir();
      return true;
    } catch {
      return false;
    }
  };
  if (!hasPostgres()) {
    console.log("== Cài PostgreSQL từ Debian (installing PostgreSQL server binaries)");
    if (!aptInstall(["postgresql"]) || !hasPostgres()) {
      console.error(
        "PostgreSQL server binaries are missing. Install them: apt-get install -y postgresql (or set PG_BIN).",
      );
      process.exit(1);
    }
  }
  if (!existsSync("/usr/bin/chromium")) {
    console.log("== Cài Chromium từ Debian (installing Chromium for browser tests)");
    if (!aptInstall(["chromium", "fonts-noto-core"]) || !existsSync("/usr/bin/chromium")) {
      console.error("Chromium is missing at /usr/bin/chromium. Install it: apt-get install -y chromium.");
      process.exit(1);
    }
  }
}

interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  passed: number;
  failed: number;
  skipped: number;
}

function run(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  report?: string,
): StepResult {
  console.log(`\n== ${name}`);
  const started = performance.now();
  // Tools' `#!/usr/bin/env node` must find the pinned Node 24 even when this script is run directly.
  const path = `${join(root, "node_modules/.bin")}:${process.env.PATH ?? ""}`;
  const result = spawnSync(command, args, {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, PATH: path, ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (report && existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    passed = json.numPassedTests;
    failed = json.numFailedTests;
    skipped = json.numPendingTests + json.numTodoTests;
  }
  const ok = result.status === 0 && failed === 0 && skipped === 0;
  if (skipped > 0) console.error(`${name}: ${skipped} skipped test(s) — skipping is not allowed.`);
  return { name, ok, seconds, passed, failed, skipped };
}

function vitest(name: string, project: string, env: Record<string, string> = {}): StepResult {
  const report = join(resultsDir, `${name.replace(/\W+/g, "-")}.json`);
  return run(
    name,
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
    report,
  );
}

provision();
const results: StepResult[] = [];
results.push(run("typecheck (api, packages, scripts)", bin("tsc"), ["-p", "tsconfig.json"]));
results.push(run("typecheck (web)", bin("tsc"), ["-p", "apps/web/tsconfig.json"]));
results.push(run("typecheck (browser journeys)", bin("tsc"), ["-p", "e2e/tsconfig.json"]));
results.push(run("format and lint (biome)", bin("biome"), ["check", "."]));
results.push(run("lint (oxlint, type-aware)", bin("oxlint"), ["--type-aware"]));
results.push(vitest("unit", "unit"));
results.push(vitest("integration on PGlite", "integration", { NAMRO_TEST_DB: "pglite" }));
results.push(vitest("integration on PostgreSQL", "integration", { NAMRO_TEST_DB: "postgres" }));
results.push(vitest("read replica (PostgreSQL standby)", "replication"));
results.push(run("build web", process.execPath, ["scripts/build-web.ts"]));
results.push(vitest("browser journeys on PostgreSQL", "e2e", { NAMRO_TEST_DB: "postgres" }));
results.push(vitest("browser journeys on PGlite", "e2e", { NAMRO_TEST_DB: "pglite" }));

console.log("\n== Tóm tắt / Summary");
for (const r of results) {
  const counts = r.passed + r.failed > 0 ? ` ${r.passed} passed, ${r.failed} failed` : "";
  console.log(
    `${r.ok ? "OK  " : "FAIL"} ${r.name.padEnd(36)} ${r.seconds.toFixed(1).padStart(7)} s${counts}`,
  );
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed =
  results.reduce((sum, r) => sum + r.failed, 0) + results.filter((r) => !r.ok && r.failed === 0).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
