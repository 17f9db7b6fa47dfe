// Entry point of `npm start` / `namro serve`: config → database (migrated) → demo seed on first start
// → HTTP server, with a graceful shutdown on SIGINT/SIGTERM.
import { buildApp } from "./app.ts";
import { type BackgroundJobs, createBackgroundJobs } from "./background-jobs.ts";
import { type AutomaticBackups, startAutomaticBackups } from "./backup/automatic-backups.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { connectAndMigrate } from "./db/connect.ts";
import { DataFolderLockedError } from "./db/data-folder-lock.ts";
import { EmbeddedPrepareError, isFreshEmbeddedFolder, prepareEmbeddedFolder } from "./db/embedded-prepare.ts";
import { systemClock } from "./platform/clock.ts";
import { seedDemoIfEmpty } from "./seed/demo-seed.ts";

export async function serve(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const started = performance.now();
  let database: Awaited<ReturnType<typeof connectAndMigrate>>;
  try {
    // A new embedded folder is migrated and seeded in a short-lived child process, so that peak does not
    // stay in the server's memory (see embedded-prepare.ts); below, migrate and seed find nothing to do.
    if (!config.databaseUrl && isFreshEmbeddedFolder(config.dataDir))
      await prepareEmbeddedFolder(config.dataDir, { demo: true });
    database = await connectAndMigrate(config, { withReplica: true });
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    if (error instanceof EmbeddedPrepareError) process.exit(error.exitCode);
    throw error;
  }
  // The demo province belongs in evaluation (embedded) installations; a PostgreSQL server gets it only
  // when asked, so a real province never starts with fake data.
  const wantsDemo = database.kind === "embedded" || process.env.NAMRO_DEMO === "1";
  const seed = wantsDemo
    ? await seedDemoIfEmpty(database.db, (message) => console.log(message))
    : { seeded: false, demoAccounts: [] };
  const app = await buildApp({ database, config, logger: { level: config.logLevel } });
  let backups: AutomaticBackups | null = null;
  let jobs: BackgroundJobs | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: đang dừng Năm Rõ… (shutting down)`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await jobs?.stop();
    await backups?.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Close the database first: in embedded mode that releases the data-folder lock.
    await app.close();
    await database.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(
        `Cổng ${config.port} đang được chương trình khác sử dụng. Hãy dừng chương trình đó hoặc chọn cổng khác, ví dụ PORT=3001 npm start. ` +
          `(Port ${config.port} is in use; stop the other program or set PORT.)`,
      );
      process.exit(1);
    }
    throw error;
  }
  // Embedded installations live in one folder on one machine: keep daily backups beside the data.
  if (database.kind === "embedded" && config.autoBackups)
    backups = startAutomaticBackups(database.db, config.dataDir, (m) => console.log(m));
  // Reminders and e-mail in the background (NAMRO_JOBS=0 turns them off, e.g. on all but one process).
  if (config.jobsEnabled) {
    jobs = createBackgroundJobs({
      database,
      config,
      clock: systemClock,
      notifications: app.services.notifications,
      log: {
        info: (message) => app.log.info(message),
        warn: (message) => app.log.warn(message),
        error: (message, error) => app.log.error({ err: error }, message),
      },
    });
    jobs.scheduler.start();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const url = `http://localhost:${config.port}`;
  const mode =
    database.kind === "embedded"
      ? `embedded (PGlite, ${config.dataDir})`
      : database.replica
        ? "PostgreSQL server, reads routed to a replica"
        : "PostgreSQL server";
  console.log(`\nNăm Rõ đang chạy tại ${url}  (ready in ${seconds} s, database: ${mode})`);
  if (!wantsDemo && (await app.services.organisations.isInstallationEmpty())) {
    console.log(
      "Cơ sở dữ liệu còn trống. Khởi tạo tổ chức cấp cao nhất và quản trị viên (the database is empty; initialise it):\n" +
        '  npx namro init --name "Tỉnh ủy …" --code XX\n' +
        "hoặc dùng dữ liệu mẫu (or use the demo): NAMRO_DEMO=1 npm start",
    );
  }
  if (seed.demoAccounts.length > 0) {
    console.log("Tài khoản dùng thử (demo accounts):");
    for (const account of seed.demoAccounts) {
      console.log(`  ${account.username.padEnd(22)} ${account.password.padEnd(18)} ${account.description}`);
    }
  }
}
