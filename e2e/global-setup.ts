// Starts the built app for browser journeys on the database NAMRO_TEST_DB names (a throwaway
// PostgreSQL server, or embedded PGlite in a temporary folder), seeded with the demo province.
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import "../apps/api/test/provided-context.ts";
import { startAppProcess } from "../scripts/app-process.ts";
import { ensureWebBuilt } from "../scripts/build-web.ts";

export default async function setup(project: TestProject) {
  if (!existsSync("/usr/bin/chromium")) {
    throw new Error("Chromium is missing at /usr/bin/chromium. Install it: apt-get install -y chromium.");
  }
  // Against an app that is already running (while developing the journeys).
  if (process.env.NAMRO_E2E_BASE_URL) {
    project.provide("baseUrl", process.env.NAMRO_E2E_BASE_URL);
    return;
  }
  await ensureWebBuilt();
  const kind = process.env.NAMRO_TEST_DB ?? "pglite";
  if (kind !== "pglite" && kind !== "postgres")
    throw new Error(`NAMRO_TEST_DB must be "pglite" or "postgres", got "${kind}"`);
  const app = await startAppProcess(kind);
  project.provide("baseUrl", app.baseUrl);
  return () => app.stop();
}
