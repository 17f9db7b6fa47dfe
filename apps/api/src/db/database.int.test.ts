// The settings every connection of the app runs with. On a server both are set per connection (JIT
// compilation off, the statement time limit); PGlite is built without JIT and runs one connection.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database.ts";
import type { DatabaseHandle } from "./database.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("connection settings", () => {
  it("never JIT-compiles the app's statements", async () => {
    const { rows } = await sql<{ jit: string; available: boolean }>`
      SELECT current_setting('jit') AS jit, pg_jit_available() AS available`.execute(database.db);
    // A server is told so per connection; PGlite has no JIT compiler to use whatever the setting says.
    if (database.kind === "server") expect(rows[0]?.jit).toBe("off");
    else expect(rows[0]?.available).toBe(false);
  });

  it("limits a statement's time on a server, and leaves the embedded database's default", async () => {
    const { rows } = await sql<{ timeout: string }>`
      SELECT current_setting('statement_timeout') AS timeout`.execute(database.db);
    expect(rows[0]?.timeout).toBe(database.kind === "server" ? "15s" : "0");
  });
});
