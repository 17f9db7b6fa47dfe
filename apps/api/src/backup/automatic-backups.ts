// Embedded mode keeps its data in one folder on one machine, so it backs itself up: once a day (at
// start when today's backup is missing, then checked every hour) into <dataDir>/backups/, keeping the
// newest seven files.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { todayInVietnam } from "@namro/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { writeBackup } from "./write-backup.ts";

export const BACKUPS_KEPT = 7;
const CHECK_EVERY_MS = 60 * 60 * 1000;
const FILE_PATTERN = /^namro-(\d{4}-\d{2}-\d{2})\.ndjson\.gz$/;

export interface AutomaticBackups {
  /** Resolves when the backup in progress (if any) has finished. */
  stop(): Promise<void>;
  /** Makes today's backup now if it is missing; resolves to its file, or null when it already existed. */
  runNow(): Promise<string | null>;
}

export function backupFileName(isoDate: string): string {
  return `namro-${isoDate}.ndjson.gz`;
}

function pruneOldBackups(folder: string): void {
  const files = readdirSync(folder)
    .filter((name) => FILE_PATTERN.test(name))
    .sort()
    .reverse();
  for (const name of files.slice(BACKUPS_KEPT)) rmSync(join(folder, name), { force: true });
}

export function startAutomaticBackups(
  db: Kysely<Database>,
  dataDir: string,
  log: (message: string) => void,
  now: () => Date = () => new Date(),
): AutomaticBackups {
  const folder = join(dataDir, "backups");
  mkdirSync(folder, { recursive: true });
  let running: Promise<string | null> | null = null;
  let stopped = false;

  const runNow = (): Promise<string | null> => {
    if (running) return running;
    const name = backupFileName(todayInVietnam(now()));
    if (readdirSync(folder).includes(name)) return Promise.resolve(null);
    running = (async () => {
      try {
        const file = join(folder, name);
        const summary = await writeBackup(db, file);
        pruneOldBackups(folder);
        log(`Đã sao lưu tự động ${summary.rows} dòng vào ${file} (automatic backup written)`);
        return file;
      } catch (error) {
        log(`Sao lưu tự động thất bại (automatic backup failed): ${String(error)}`);
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const tick = () => {
    if (!stopped) void runNow();
  };
  // Not at once: the server should answer its first requests before a backup takes the connection.
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
