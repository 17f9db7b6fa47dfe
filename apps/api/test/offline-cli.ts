// Runs the `namro` command as a person would, in a child process, for commands that need no database:
// the embedded database is pointed at a folder that does not exist, proving none is opened.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../bin/namro.js");

export interface OfflineCli {
  /** A scratch folder for the files the test hands to the command (also its working directory). */
  dir: string;
  namro: (...args: string[]) => { code: number | null; stdout: string; stderr: string };
  remove(): void;
}

export function offlineCli(prefix: string): OfflineCli {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    namro: (...args) => {
      const env: NodeJS.ProcessEnv = { ...process.env, NAMRO_DATA_DIR: join(dir, "no-database") };
      delete env.DATABASE_URL;
      const result = spawnSync(process.execPath, [BIN, ...args], {
        env,
        encoding: "utf8",
        timeout: 60_000,
        cwd: dir,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
