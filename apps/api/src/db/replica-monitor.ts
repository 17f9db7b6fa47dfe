// Where a streaming replica stands (ADR 0009): its replayed WAL position, polled every ~150 ms and on
// demand. A standby's position only grows, so a cached value is a safe lower bound: a read sent to the
// replica because it had replayed a position sees at least that. The replica is usable only while it answers,
// is a standby in recovery, and is not far behind the primary in time (replication stopped while the
// standby still answers would otherwise serve ever older figures).
import type pg from "pg";
import { parseLsn } from "./lsn.ts";

export interface ReplicaLog {
  warn(message: string): void;
  info(message: string): void;
}

export interface ReplicaMonitorOptions {
  pollIntervalMs?: number;
  /** Behind the primary by more than this (in time): reads go to the primary. */
  maxLagMs?: number;
  log: ReplicaLog;
  now?: () => number;
}

type State = "unknown" | "up" | "down" | "not-standby" | "behind";

export class ReplicaMonitor {
  readonly #primary: pg.Pool;
  readonly #replica: pg.Pool;
  readonly #pollIntervalMs: number;
  readonly #maxLagMs: number;
  readonly #log: ReplicaLog;
  readonly #now: () => number;
  #replayed = -1n;
  #state: State = "unknown";
  /** The primary's positions over the last maxLagMs, oldest first (the first may be older). */
  #primarySamples: { at: number; lsn: bigint }[] = [];
  #inFlight: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(primary: pg.Pool, replica: pg.Pool, options: ReplicaMonitorOptions) {
    this.#primary = primary;
    this.#replica = replica;
    this.#pollIntervalMs = options.pollIntervalMs ?? 150;
    this.#maxLagMs = options.maxLagMs ?? 30_000;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
  }

  start(): void {
    if (this.#timer) return;
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), this.#pollIntervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#inFlight;
  }

  /** Whether routed reads may go to the replica at all. */
  get usable(): boolean {
    return this.#state === "up";
  }

  /** The last replayed position seen (-1 before the first poll). */
  get replayed(): bigint {
    return this.#replayed;
  }

  /** Polls now (one poll at a time: callers during a poll share it). */
  refresh(): Promise<void> {
    this.#inFlight ??= this.#poll().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** A routed read failed on the replica: skip it until a poll finds it well again. */
  markDown(reason: string): void {
    this.#enter("down", reason);
  }

  /** The primary's current WAL insert position: at or past the end of every commit made before. */
  async primaryPosition(): Promise<bigint> {
    const { rows } = await this.#primary.query<{ lsn: string }>(
      "SELECT pg_current_wal_insert_lsn()::text AS lsn",
    );
    const lsn = parseLsn(rows[0]?.lsn);
    if (lsn === null) throw new Error(`unexpected WAL position from the primary: ${rows[0]?.lsn}`);
    return lsn;
  }

  async #poll(): Promise<void> {
    const [replica, primary] = await Promise.allSettled([
      this.#replica.query<{ recovery: boolean; replayed: string | null }>(
        "SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replayed",
      ),
      this.#primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn"),
    ]);
    const now = this.#now();
    if (primary.status === "fulfilled") {
      const lsn = parseLsn(primary.value.rows[0]?.lsn);
      if (lsn !== null) this.#sample(now, lsn);
    }
    if (replica.status === "rejected") {
      this.#enter("down", String((replica.reason as Error)?.message ?? replica.reason));
      return;
    }
    const row = replica.value.rows[0];
    const replayed = parseLsn(row?.replayed);
    if (!row?.recovery || replayed === null) {
      this.#enter("not-standby", "the server of DATABASE_REPLICA_URL is not a standby in recovery");
      return;
    }
    // The latest answer, not the highest: a standby replaced by one further behind must not inherit
    // its predecessor's position.
    this.#replayed = replayed;
    const old = this.#primarySamples[0];
    if (old && old.at <= now - this.#maxLagMs && this.#replayed < old.lsn) {
      this.#enter("behind", `more than ${Math.round(this.#maxLagMs / 1000)} s behind the primary`);
      return;
    }
    this.#enter("up", "");
  }

  #sample(at: number, lsn: bigint): void {
    const samples = this.#primarySamples;
    samples.push({ at, lsn });
    // Keep one sample at least maxLagMs old (the one to compare with) and the newer ones.
    while (samples.length >= 2 && (samples[1]?.at ?? at) <= at - this.#maxLagMs) samples.shift();
  }

  #enter(state: State, reason: string): void {
    if (state === this.#state) return;
    const was = this.#state;
    this.#state = state;
    if (state === "up") {
      if (was !== "unknown")
        this.#log.info("Bản sao đọc dùng được trở lại (read replica back in use for routed reads)");
      return;
    }
    this.#log.warn(
      `Bản sao đọc không dùng được, mọi lượt đọc chạy trên máy chủ chính (read replica not used, reads go to the primary): ${reason}`,
    );
  }
}
