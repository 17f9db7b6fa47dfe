// First start of an embedded installation: migrate the new data folder and seed the demo in a
// short-lived child process, before the server opens the folder. PGlite's WASM memory grows to its
// peak and is never given back, and initdb + every migration + the demo seed peak at ~1.1 GB; done in
// the server's own process that peak stayed as its idle memory (837 MB measured, issue 2's target is
// < 700 MB). A later start opens the prepared folder and only pays for what serving needs.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The child failed; it has already printed why. */
export class EmbeddedPrepareError extends Error {
  readonly exitCode: number;
  constructor(exitCode: number) {
    super(`Preparing the embedded data folder failed (exit ${exitCode})`);
    this.exitCode = exitCode;
  }
}

/** True when the data folder holds no embedded database yet (the first start). */
export function isFreshEmbeddedFolder(dataDir: string): boolean {
  return !existsSync(join(dataDir, "pglite"));
}

export function prepareEmbeddedFolder(dataDir: string, options: { demo: boolean }): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      join(import.meta.dirname, "embedded-prepare-child.ts"),
      dataDir,
      options.demo ? "demo" : "empty",
    ],
    { stdio: "inherit" },
  );
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve();
      else reject(new EmbeddedPrepareError(code ?? 1));
    });
  });
}
