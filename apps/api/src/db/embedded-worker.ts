// Runs PGlite in a worker thread so heavy queries never block the HTTP event loop. The main thread
// talks to it through the PostgreSQL wire protocol on a private Unix socket, with the same `pg` driver
// used for a PostgreSQL server.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { ltree } from "@electric-sql/pglite/contrib/ltree";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedWorkerData {
  dataDir: string | null;
  socketPath: string;
  loadDataDirFile: string | null;
}

export type EmbeddedWorkerRequest = { type: "stop" } | { type: "dump"; file: string };
export type EmbeddedWorkerReply =
  | { type: "ready" }
  | { type: "stopped" }
  | { type: "dumped"; file: string }
  | { type: "error"; message: string };

const data = workerData as EmbeddedWorkerData;
if (!parentPort) throw new Error("embedded-worker must run in a worker thread");
const port = parentPort;

async function start(): Promise<void> {
  const { readFile, writeFile } = await import("node:fs/promises");
  const loadDataDir = data.loadDataDirFile ? new Blob([await readFile(data.loadDataDirFile)]) : undefined;
  const db = await PGlite.create({
    ...(data.dataDir ? { dataDir: data.dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { ltree, pg_trgm, unaccent },
  });
  const server = new PGLiteSocketServer({ db, path: data.socketPath, maxConnections: 1 });
  await server.start();
  const handle = async (request: EmbeddedWorkerRequest) => {
    try {
      if (request.type === "stop") {
        await server.stop();
        await db.close();
        port.postMessage({ type: "stopped" } satisfies EmbeddedWorkerReply);
      } else if (request.type === "dump") {
        const dump = await db.dumpDataDir("none");
        await writeFile(request.file, Buffer.from(await dump.arrayBuffer()));
        port.postMessage({ type: "dumped", file: request.file } satisfies EmbeddedWorkerReply);
      }
    } catch (error) {
      port.postMessage({ type: "error", message: String(error) } satisfies EmbeddedWorkerReply);
    }
  };
  port.on("message", (request: EmbeddedWorkerRequest) => void handle(request));
  port.postMessage({ type: "ready" } satisfies EmbeddedWorkerReply);
}

start().catch((error: unknown) => {
  port.postMessage({
    type: "error",
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
});
