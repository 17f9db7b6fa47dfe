// The first start of an embedded installation: migrate + demo seed in a child process, then the server
// opens a folder where there is nothing left to do. Embedded by nature: the same on both test databases.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_SETTING_KEY } from "../seed/demo-seed.ts";
import { lockDataFolder } from "./data-folder-lock.ts";
import { openDatabase } from "./database.ts";
import { EmbeddedPrepareError, isFreshEmbeddedFolder, prepareEmbeddedFolder } from "./embedded-prepare.ts";
import { migrateToLatest } from "./migrator.ts";

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), "namro-prepare-test-"));
  folders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("prepareEmbeddedFolder", () => {
  // A child process that runs every migration and seeds the demo (~30 s on a loaded machine).
  it("migrates and seeds a new folder in a child process, leaving nothing for the server to do", {
    timeout: 180_000,
  }, async () => {
    const dataDir = scratch();
    expect(isFreshEmbeddedFolder(dataDir)).toBe(true);
    await prepareEmbeddedFolder(dataDir, { demo: true });
    expect(isFreshEmbeddedFolder(dataDir)).toBe(false);

    const handle = await openDatabase({ kind: "embedded", dataDir });
    try {
      const { results } = await migrateToLatest(handle.db);
      expect(results ?? []).toEqual([]);
      const setting = await handle.db
        .selectFrom("systemSettings")
        .select("key")
        .where("key", "=", DEMO_SETTING_KEY)
        .executeTakeFirst();
      expect(setting?.key).toBe(DEMO_SETTING_KEY);
      const admin = await handle.db
        .selectFrom("accounts")
        .select("username")
        .where("username", "=", "admin")
        .executeTakeFirst();
      expect(admin?.username).toBe("admin");
    } finally {
      await handle.close();
    }
  });

  it("fails with the child's exit code when another process holds the folder, and creates nothing", async () => {
    const dataDir = scratch();
    const lock = lockDataFolder(dataDir);
    try {
      const failure = await prepareEmbeddedFolder(dataDir, { demo: false }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(EmbeddedPrepareError);
      expect((failure as EmbeddedPrepareError).exitCode).toBe(1);
      expect(isFreshEmbeddedFolder(dataDir)).toBe(true);
    } finally {
      lock.release();
    }
  });
});
