// Starts the embedded database (PGlite in a worker thread) and hands back how to connect to it.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { type DataFolderLock, lockDataFolder } from "./data-folder-lock.ts";
import type { EmbeddedWorkerData, EmbeddedWorkerReply, EmbeddedWorkerRequest } from "./embedded-worker.ts";

const SOCKET_PORT = 5432;

export interface EmbeddedServer {
  /** Directory holding the Unix socket; pass as `host` to `pg`. */
  socketDir: string;
  port: number;
  /** Write a PGlite data-folder image (tar) to a file; the worker keeps running. */
  dumpTo(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** Folder for persistent data; null keeps everything in memory (tests). */
  dataDir: string | null;
  /** A data-folder image to start from (tests clone a migrated image). */
  loadDataDirFile?: string;
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  let lock: DataFolderLock | null = null;
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataFolder(dataDir);
  }
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temporary folder.
  const socketDir = mkdtempSync(join(tmpdir(), "namro-"));
  const workerData: EmbeddedWorkerData = {
    dataDir: dataDir ? join(dataDir, "pglite") : null,
    socketPath: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    loadDataDirFile: options.loadDataDirFile ?? null,
  };
  const worker = new Worker(new URL("./embedded-worker.ts", import.meta.url), { workerData });
  const cleanup = () => {
    lock?.release();
    rmSync(socketDir, { recursive: true, force: true });
  };

  const waitFor = <T extends EmbeddedWorkerReply["type"]>(type: T) =>
    new Promise<Extract<EmbeddedWorkerReply, { type: T }>>((resolvePromise, reject) => {
      const onMessage = (reply: EmbeddedWorkerReply) => {
        if (reply.type === type) {
          worker.off("message", onMessage);
          worker.off("error", onError);
          resolvePromise(reply as Extract<EmbeddedWorkerReply, { type: T }>);
        } else if (reply.type === "error") {
          worker.off("message", onMessage);
          worker.off("error", onError);
          reject(new Error(`Embedded database: ${reply.message}`));
        }
      };
      const onError = (error: Error) => {
        worker.off("message", onMessage);
        reject(error);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
    });

  try {
    await waitFor("ready");
  } catch (error) {
    await worker.terminate();
    cleanup();
    throw error;
  }

  let stopped = false;
  return {
    socketDir,
    port: SOCKET_PORT,
    async dumpTo(file) {
      const done = waitFor("dumped");
      worker.postMessage({ type: "dump", file } satisfies EmbeddedWorkerRequest);
      await done;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const done = waitFor("stopped");
      worker.postMessage({ type: "stop" } satisfies EmbeddedWorkerRequest);
      await done.catch(() => undefined);
      await worker.terminate();
      cleanup();
    },
  };
}
