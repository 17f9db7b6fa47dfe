// A throwaway primary and hot standby on loopback from the machine's PostgreSQL binaries, for the
// read-replica test (ADR 0009): the primary with wal_level=replica, the standby from `pg_basebackup -R`
// (streaming from the primary), hot_standby=on. Both removed when stopped.
import { rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import {
  findPostgresBinDir,
  freePort,
  initDataDir,
  runAsServerUser,
  serverOwnedTempDir,
  throwawayServerOptions,
} from "./postgres-server.ts";

export interface ThrowawayReplicaPair {
  /** postgres://…/<database> of the primary and of the standby. */
  primaryUrl: string;
  standbyUrl: string;
  /** Stops only the standby (the primary keeps running). */
  stopStandby(): void;
  stop(): void;
}

function pgCtl(binDir: string, dataDir: string, args: string[]): void {
  runAsServerUser(join(binDir, "pg_ctl"), ["-D", dataDir, ...args]);
}

/**
 * Starts the primary, runs `prepare` on it (create and migrate the database), then copies it into a
 * standby that keeps streaming from it.
 */
export async function startReplicaPair(
  database: string,
  prepare: (primaryUrl: string) => Promise<void>,
): Promise<ThrowawayReplicaPair> {
  const binDir = findPostgresBinDir();
  const root = serverOwnedTempDir("namro-pg-replica-");
  const primaryDir = join(root, "primary");
  const standbyDir = join(root, "standby");
  const primaryPort = await freePort();
  const standbyPort = await freePort();
  let primaryRunning = false;
  let standbyRunning = false;
  const stopStandby = () => {
    if (!standbyRunning) return;
    standbyRunning = false;
    pgCtl(binDir, standbyDir, ["-m", "immediate", "-w", "stop"]);
  };
  const stop = () => {
    try {
      stopStandby();
      if (primaryRunning) pgCtl(binDir, primaryDir, ["-m", "immediate", "-w", "stop"]);
      primaryRunning = false;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    initDataDir(binDir, primaryDir);
    const primaryOptions = [
      ...throwawayServerOptions(primaryPort, root),
      "-c wal_level=replica",
      "-c max_wal_senders=4",
      // A base backup needs whole pages in the WAL.
      "-c full_page_writes=on",
    ];
    pgCtl(binDir, primaryDir, [
      "-o",
      primaryOptions.join(" "),
      "-l",
      join(root, "primary.log"),
      "-w",
      "start",
    ]);
    primaryRunning = true;
    const admin = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
    } finally {
      await admin.end();
    }
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
    await prepare(primaryUrl);
    // -R writes standby.signal and primary_conninfo: the copy starts as a standby streaming from here.
    runAsServerUser(join(binDir, "pg_basebackup"), [
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-D",
      standbyDir,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
    ]);
    const standbyOptions = [...throwawayServerOptions(standbyPort, root), "-c hot_standby=on"];
    pgCtl(binDir, standbyDir, [
      "-o",
      standbyOptions.join(" "),
      "-l",
      join(root, "standby.log"),
      "-w",
      "start",
    ]);
    standbyRunning = true;
    return {
      primaryUrl,
      standbyUrl: `postgres://postgres@127.0.0.1:${standbyPort}/${database}`,
      stopStandby,
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
