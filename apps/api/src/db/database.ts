// One way to reach the database whatever runs it: a `pg.Pool` and a Kysely instance on top. Embedded
// mode starts PGlite in a worker and connects through its socket with a pool of one (PGlite serves a
// single connection); server mode connects to DATABASE_URL, and to a streaming replica when one is
// given (DATABASE_REPLICA_URL: read-only, used only through the read routing of ADR 0009).
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type EmbeddedServer, startEmbeddedServer } from "./embedded-server.ts";
import type { Database } from "./schema.ts";

// Calendar dates stay ISO strings ("2025-07-01"): a JS Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// bigint ids fit in a JS number for any realistic row count.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
// numeric columns (percentages, targets, weights: at most 14 digits) read as numbers.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

export type DatabaseTarget =
  | { kind: "server"; url: string; poolSize?: number; replicaUrl?: string | null }
  | { kind: "embedded"; dataDir: string | null; loadDataDirFile?: string };

/** A hot standby of the primary: only reads, chosen per request by platform/db/read-routing.ts. */
export interface ReplicaConnection {
  db: Kysely<Database>;
  pool: pg.Pool;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  kind: DatabaseTarget["kind"];
  /** Present when a replica was configured (server mode only). */
  replica: ReplicaConnection | null;
  /** Present in embedded mode. */
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  statementTimeoutMs?: number;
}

/**
 * Settings of every server connection. JIT off: the app's statements are short and planned on large
 * tables, where the planner's cost estimate triggers JIT compilation that costs more than it saves
 * (70–125 ms added to a 44,000-row member search, outliers in the register search and coverage).
 */
function serverSessionOptions(statementTimeoutMs: number): string {
  return `-c statement_timeout=${statementTimeoutMs} -c jit=off`;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const statementTimeout = options.statementTimeoutMs ?? 15_000;
  let embedded: EmbeddedServer | null = null;
  let pool: pg.Pool;
  if (target.kind === "embedded") {
    embedded = await startEmbeddedServer({
      dataDir: target.dataDir,
      ...(target.loadDataDirFile ? { loadDataDirFile: target.loadDataDirFile } : {}),
    });
    pool = new pg.Pool({
      host: embedded.socketDir,
      port: embedded.port,
      user: "postgres",
      database: "postgres",
      max: 1,
      idleTimeoutMillis: 0,
    });
  } else {
    pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      options: serverSessionOptions(statementTimeout),
    });
  }
  const db = kyselyOn(pool);
  let replica: ReplicaConnection | null = null;
  if (target.kind === "server" && target.replicaUrl) {
    const replicaPool = new pg.Pool({
      connectionString: target.replicaUrl,
      max: target.poolSize ?? 10,
      // A replica that does not answer must not hold a read for long: the read goes to the primary.
      connectionTimeoutMillis: 2_000,
      options: serverSessionOptions(statementTimeout),
    });
    replica = { pool: replicaPool, db: kyselyOn(replicaPool) };
  }
  let closed = false;
  return {
    db,
    pool,
    kind: target.kind,
    replica,
    embedded,
    async close() {
      if (closed) return;
      closed = true;
      await replica?.db.destroy();
      await db.destroy();
      await embedded?.stop();
    },
  };
}

function kyselyOn(pool: pg.Pool): Kysely<Database> {
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  // A checked-out client between two statements has no listener of its own: a server going away then
  // (a replica stopped, a primary restarted) would be an uncaught exception that ends the process. The
  // client's next statement fails instead, and the pool discards it on release.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
}
