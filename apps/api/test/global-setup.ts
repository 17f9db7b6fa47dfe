// Prepares the database every integration test file clones: a migrated PGlite image, or a migrated
// template database on a PostgreSQL server (a throwaway one unless NAMRO_TEST_DATABASE_URL is set).
// NAMRO_TEST_DB chooses: "pglite" (default) or "postgres".
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { repositoryRoot } from "../src/config.ts";
import { openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrator.ts";
import { startThrowawayPostgres } from "./postgres-server.ts";

import "./provided-context.ts";

const TEMPLATE = "namro_test_template";

export default async function setup(project: TestProject) {
  const kind = process.env.NAMRO_TEST_DB ?? "pglite";
  if (kind === "pglite") {
    const dir = join(repositoryRoot, ".tmp");
    mkdirSync(dir, { recursive: true });
    const imageFile = join(dir, `pglite-test-image-${process.pid}.tar`);
    const handle = await openDatabase({ kind: "embedded", dataDir: null });
    await migrateToLatest(handle.db);
    await handle.embedded?.dumpTo(imageFile);
    await handle.close();
    project.provide("testDatabase", { kind: "pglite", imageFile });
    return;
  }
  if (kind !== "postgres") throw new Error(`NAMRO_TEST_DB must be "pglite" or "postgres", got "${kind}"`);
  const server = process.env.NAMRO_TEST_DATABASE_URL ? null : await startThrowawayPostgres();
  const adminUrl = process.env.NAMRO_TEST_DATABASE_URL ?? server?.url ?? "";
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  const handle = await openDatabase({ kind: "server", url: templateUrl.toString(), poolSize: 1 });
  await migrateToLatest(handle.db);
  await sql`SELECT 1`.execute(handle.db);
  await handle.close();
  project.provide("testDatabase", { kind: "postgres", adminUrl, template: TEMPLATE });
  return () => server?.stop();
}
