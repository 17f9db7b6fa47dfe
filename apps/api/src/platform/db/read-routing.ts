// Read routing (ADR 0009): routed reads — dashboards, reports, searches — go to the streaming replica
// when it has replayed the reader's own last write, else to the primary. A session's last write is the
// primary's WAL position after its last successful mutating request (read-your-writes.ts records it).
// A replica that errors or is unreachable never shows: the read runs again on the primary.
import type { Kysely } from "kysely";
import type { DatabaseHandle, ReplicaConnection } from "../../db/database.ts";
import { type ReplicaLog, ReplicaMonitor, type ReplicaMonitorOptions } from "../../db/replica-monitor.ts";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";
import type { ReadDatabase } from "./read-database.ts";

/** Sessions remembered at most (each an entry of a few dozen bytes); the oldest go first. */
const MAX_SESSIONS = 50_000;

/** Errors a standby gives by design: a read that wanted to write (a roll-up refresh), a recovery conflict. */
const EXPECTED_ON_STANDBY = new Set(["25006", "40001"]);

export interface ReadRoutingCounts {
  /** Routed reads answered by the replica. */
  replica: number;
  /** Routed reads sent to the primary (replica behind the session, unusable). */
  primary: number;
  /** Routed reads tried on the replica and answered by the primary after an error there. */
  fallback: number;
}

export class ReadRouter implements ReadDatabase {
  readonly monitor: ReplicaMonitor;
  readonly counts: ReadRoutingCounts = { replica: 0, primary: 0, fallback: 0 };
  readonly #primary: Kysely<Database>;
  readonly #replica: Kysely<Database>;
  readonly #log: ReplicaLog;
  /** Session key (the session token's hash) → the primary's position after its last write. */
  readonly #lastWrites = new Map<string, bigint>();

  constructor(
    primary: Kysely<Database>,
    replica: Kysely<Database>,
    monitor: ReplicaMonitor,
    log: ReplicaLog,
  ) {
    this.#primary = primary;
    this.#replica = replica;
    this.monitor = monitor;
    this.#log = log;
  }

  /** Stops polling the replica (the pools are closed with the database). */
  stop(): Promise<void> {
    return this.monitor.stop();
  }

  /** Records that the session wrote (or a cookie says it did) up to `lsn`. */
  noteWrite(sessionKey: string, lsn: bigint): void {
    const known = this.#lastWrites.get(sessionKey);
    if (known !== undefined && known >= lsn) return;
    // Re-inserted so the map's order is oldest write first.
    this.#lastWrites.delete(sessionKey);
    this.#lastWrites.set(sessionKey, lsn);
    if (this.#lastWrites.size > MAX_SESSIONS) this.#forgetCaughtUp();
  }

  /** The position the actor's reads must include, 0 when none is known. */
  lastWriteOf(actor: Actor | null): bigint {
    return actor ? (this.#lastWrites.get(actor.sessionTokenHash) ?? 0n) : 0n;
  }

  async run<T>(actor: Actor | null, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (!(await this.#replicaServes(actor))) {
      this.counts.primary += 1;
      return work(this.#primary);
    }
    try {
      const result = await work(this.#replica);
      this.counts.replica += 1;
      return result;
    } catch (error) {
      this.counts.fallback += 1;
      const code = (error as { code?: unknown }).code;
      // A not-found or refused read may be the replica lagging behind someone else's write: the
      // primary answers (and says the same if it is the reader's mistake).
      if (!(error instanceof AppError) && !(typeof code === "string" && EXPECTED_ON_STANDBY.has(code))) {
        this.#log.warn(
          `Đọc trên bản sao lỗi, đọc lại trên máy chủ chính (read on the replica failed, retried on the primary): ${(error as Error).message}`,
        );
        this.monitor.markDown((error as Error).message);
      }
      return work(this.#primary);
    }
  }

  /** Whether the replica may answer this actor: usable, and past the actor's last write. */
  async #replicaServes(actor: Actor | null): Promise<boolean> {
    if (!this.monitor.usable) return false;
    const needed = this.lastWriteOf(actor);
    if (this.monitor.replayed >= needed) return true;
    // The cached position is a lower bound from up to one poll ago: ask again before giving up.
    await this.monitor.refresh();
    return this.monitor.usable && this.monitor.replayed >= needed;
  }

  #forgetCaughtUp(): void {
    const replayed = this.monitor.replayed;
    for (const [key, lsn] of this.#lastWrites) if (lsn <= replayed) this.#lastWrites.delete(key);
    for (const key of this.#lastWrites.keys()) {
      if (this.#lastWrites.size <= MAX_SESSIONS) break;
      this.#lastWrites.delete(key);
    }
  }
}

/** The router of an app whose database has a replica, polling it until `stop`. */
export function startReadRouting(
  database: Pick<DatabaseHandle, "db" | "pool"> & { replica: ReplicaConnection },
  options: ReplicaMonitorOptions,
): ReadRouter {
  const monitor = new ReplicaMonitor(database.pool, database.replica.pool, options);
  const router = new ReadRouter(database.db, database.replica.db, monitor, options.log);
  monitor.start();
  return router;
}
