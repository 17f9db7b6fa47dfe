// The child process of embedded-prepare.ts: migrates the embedded data folder given as argument and,
// when asked, seeds the demo, then exits so the memory this took goes back to the system.
import { seedDemoIfEmpty } from "../seed/demo-seed.ts";
import { connectAndMigrate } from "./connect.ts";
import { DataFolderLockedError } from "./data-folder-lock.ts";

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || (mode !== "demo" && mode !== "empty")) {
  console.error("usage: embedded-prepare-child.ts <data folder> demo|empty");
  process.exit(2);
}
try {
  // The seed is one long transaction by design: no statement timeout, as for `namro seed`.
  const database = await connectAndMigrate({ databaseUrl: null, dataDir, statementTimeoutMs: 0 });
  try {
    if (mode === "demo") await seedDemoIfEmpty(database.db, (message) => console.log(message));
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof DataFolderLockedError ? error.message : error);
  process.exit(1);
}
process.exit(0);
