// Opens the configured database (server or embedded) and brings its schema up to date.
import type { AppConfig } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "./database.ts";
import { migrateToLatest } from "./migrator.ts";

export async function connectAndMigrate(
  config: Pick<AppConfig, "databaseUrl" | "dataDir" | "statementTimeoutMs">,
): Promise<DatabaseHandle> {
  const handle = await openDatabase(
    config.databaseUrl
      ? { kind: "server", url: config.databaseUrl }
      : { kind: "embedded", dataDir: config.dataDir },
    { statementTimeoutMs: config.statementTimeoutMs },
  );
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
