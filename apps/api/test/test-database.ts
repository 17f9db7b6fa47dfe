// A fresh database for one test file, cloned from what global-setup prepared.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import "./provided-context.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/database.ts";

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const source = inject("testDatabase");
  if (source.kind === "pglite") {
    return openDatabase({ kind: "embedded", dataDir: null, loadDataDirFile: source.imageFile });
  }
  const name = `namro_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: source.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${source.template}`);
  await admin.end();
  const url = new URL(source.adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "server", url: url.toString(), poolSize: 4 });
  const close = handle.close.bind(handle);
  return {
    ...handle,
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: source.adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
