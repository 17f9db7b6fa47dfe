// PGlite cannot tell when two processes open the same data folder, and both would corrupt it.
// An exclusive lock file holding the owner's PID guards the folder; a lock left by a dead process is
// taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DataFolderLockedError extends Error {
  readonly ownerPid: number;
  constructor(folder: string, ownerPid: number) {
    super(
      `Thư mục dữ liệu ${folder} đang được tiến trình ${ownerPid} sử dụng. Hãy dừng tiến trình đó trước. ` +
        `(The data folder is in use by process ${ownerPid}; stop it first.)`,
    );
    this.ownerPid = ownerPid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface DataFolderLock {
  release(): void;
}

export function lockDataFolder(folder: string): DataFolderLock {
  const lockPath = join(folder, "namro.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const ownerPid = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isFinite(ownerPid) && ownerPid !== process.pid && isAlive(ownerPid)) {
        throw new DataFolderLockedError(folder, ownerPid);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${folder}`);
}
