// Opens the configured database (server or embedded) and brings its schema up to date. The replica is
// opened only when asked (serve): commands and jobs work on the primary alone.
import type { AppConfig } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "./database.ts";
import { migrateToLatest } from "./migrator.ts";

export async function connectAndMigrate(
  config: Pick<AppConfig, "databaseUrl" | "dataDir" | "statementTimeoutMs"> & {
    databaseReplicaUrl?: string | null;
  },
  options: { withReplica?: boolean } = {},
): Promise<DatabaseHandle> {
  const replicaUrl = options.withReplica ? (config.databaseReplicaUrl ?? null) : null;
  const handle = await openDatabase(
    config.databaseUrl
      ? { kind: "server", url: config.databaseUrl, replicaUrl }
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
