// The `namro` command (apps/api/bin/namro.js): serve, migrate, seed, backup, restore, import, refs, jobs run,
// audit verify.
// The database is chosen as for the server: DATABASE_URL for a PostgreSQL server, else the embedded
// database in NAMRO_DATA_DIR (default ./data), which only one process may open at a time.
import { Command, Option } from "commander";
import type { AppConfig } from "./config.ts";
import type { DatabaseHandle } from "./db/database.ts";

const EXIT_FAILURE = 1;

async function openConfigured(): Promise<{ database: DatabaseHandle; config: AppConfig }> {
  const { loadConfig } = await import("./config.ts");
  const { connectAndMigrate } = await import("./db/connect.ts");
  const config = loadConfig();
  // Seeding, backup and restore are long single statements by design: no statement timeout here.
  const database = await connectAndMigrate({ ...config, statementTimeoutMs: 0 });
  return { database, config };
}

/** Runs a command against the configured database, closing it and turning known errors into messages. */
async function withDatabase(
  work: (database: DatabaseHandle, config: AppConfig) => Promise<number>,
): Promise<void> {
  const { DataFolderLockedError } = await import("./db/data-folder-lock.ts");
  const { BackupError } = await import("./backup/backup-format.ts");
  const { ConfigError } = await import("./config.ts");
  let code = 0;
  let database: DatabaseHandle | null = null;
  try {
    const opened = await openConfigured();
    database = opened.database;
    code = await work(opened.database, opened.config);
  } catch (error) {
    const { AppError } = await import("./platform/errors.ts");
    const { InitialiseInputError } = await import("./setup/initialise-installation.ts");
    const { ERROR_CATALOGUE } = await import("@namro/contracts");
    if (error instanceof AppError) {
      const { vi, en } = ERROR_CATALOGUE[error.code];
      console.error(`${vi} (${en})`);
      for (const issue of error.issues ?? []) console.error(`  ${issue.path}: ${issue.message}`);
    } else if (
      error instanceof DataFolderLockedError ||
      error instanceof ConfigError ||
      error instanceof BackupError ||
      error instanceof InitialiseInputError
    ) {
      console.error(error.message);
    } else console.error(error);
    code = EXIT_FAILURE;
  } finally {
    await database?.close();
  }
  process.exit(code);
}

const VERIFY_REASONS_VI: [RegExp, string][] = [
  [
    /previous-hash/i,
    "Liên kết tới dòng trước không khớp: một dòng trước đó đã bị xóa, chèn thêm hoặc đổi thứ tự.",
  ],
  [/content/i, "Nội dung dòng không khớp với mã băm: dòng đã bị sửa."],
];

export function buildProgram(): Command {
  const program = new Command("namro")
    .description(
      "Năm Rõ — công cụ quản trị (administration command). Cơ sở dữ liệu: DATABASE_URL, hoặc dữ liệu nhúng trong NAMRO_DATA_DIR / ./data (database: DATABASE_URL, else embedded in NAMRO_DATA_DIR or ./data)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .helpCommand("help [command]", "Trợ giúp về một lệnh (help for a command)")
    .showHelpAfterError();

  program
    .command("serve", { isDefault: true })
    .description(
      "Khởi động máy chủ web: chuyển đổi lược đồ, tạo dữ liệu mẫu lần đầu, phục vụ tại PORT (mặc định 3000) (start the web server: migrate, seed the demo on first start, serve on PORT)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .action(async () => {
      const { serve } = await import("./main.ts");
      await serve();
    });

  program
    .command("migrate")
    .description("Đưa lược đồ cơ sở dữ liệu lên mới nhất (bring the database schema up to date)")
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .action(() =>
      withDatabase(async (database) => {
        const { listAppliedMigrations } = await import("./backup/table-catalogue.ts");
        const applied = await listAppliedMigrations(database.db);
        console.log(`Lược đồ đã mới nhất (schema up to date): ${applied.join(", ")}`);
        return 0;
      }),
    );

  program
    .command("init")
    .description(
      "Khởi tạo cơ sở dữ liệu trống: tạo tổ chức cấp cao nhất và quản trị viên đầu tiên (mật khẩu dùng một lần được in ra) " +
        "(initialise an empty database: the top organisation and the first administrator, with a one-time password)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .requiredOption("--name <name>", 'tên tổ chức, ví dụ "Tỉnh ủy Bắc Ninh" (organisation name)')
    .requiredOption("--code <code>", "mã tổ chức, ví dụ BN (organisation code)")
    .option("--type <type>", "loại tổ chức (organisation type code)", "tinh_uy")
    .option("--admin <username>", "tên đăng nhập của quản trị viên (administrator username)", "admin")
    .option("--admin-name <name>", "tên hiển thị (display name)", "Quản trị hệ thống")
    .option(
      "--effective-date <yyyy-mm-dd>",
      "ngày hiệu lực, mặc định hôm nay (effective date, default today)",
    )
    .action(
      (options: {
        name: string;
        code: string;
        type: string;
        admin: string;
        adminName: string;
        effectiveDate?: string;
      }) =>
        withDatabase(async (database, config) => {
          const { createServices } = await import("./services.ts");
          const { systemClock } = await import("./platform/clock.ts");
          const { initialiseInstallation } = await import("./setup/initialise-installation.ts");
          const services = createServices({ db: database.db, clock: systemClock }, config);
          const result = await initialiseInstallation(
            services,
            {
              rootName: options.name,
              rootCode: options.code,
              rootTypeCode: options.type,
              adminUsername: options.admin,
              adminDisplayName: options.adminName,
              ...(options.effectiveDate ? { effectiveDate: options.effectiveDate } : {}),
            },
            systemClock.now(),
          );
          console.log(`Đã khởi tạo "${options.name}" (initialised).`);
          console.log(`Quản trị viên (administrator): ${result.adminUsername}`);
          console.log(`Mật khẩu dùng một lần (one-time password): ${result.adminPassword}`);
          console.log("Hãy đăng nhập và đổi mật khẩu ngay. (Sign in and change it now.)");
          return 0;
        }),
    );

  program
    .command("seed")
    .description(
      "Tạo dữ liệu mẫu bằng nạp hàng loạt; chạy lại sẽ tiếp tục hoặc không làm gì (seed synthetic data by bulk loading; re-running continues or does nothing)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .addOption(
      new Option(
        "-s, --scale <scale>",
        "quy mô: demo = một tỉnh (~1.500 tổ chức, ~20.000 đảng viên, ~4.300 nhiệm vụ); province = demo + tài khoản mọi xã, ~200.000 đảng viên, ~200.000 nhiệm vụ; national = 34 tỉnh, ~3.300 xã, ~360.000 tổ chức, ~5,6 triệu đảng viên, ~5 triệu nhiệm vụ (scale: demo | province | national)",
      )
        .choices(["demo", "province", "national"])
        .default("demo"),
    )
    .action((options: { scale: "demo" | "province" | "national" }) =>
      withDatabase(async (database, config) => {
        const { seedScale } = await import("./seed/seed-scale.ts");
        const { countSeedParts, databaseSize, formatSeedSummary } = await import("./seed/seed-summary.ts");
        const before = await countSeedParts(database.db);
        const result = await seedScale(database.db, options.scale, (message) => console.log(message));
        if (result.demo.demoAccounts.length > 0) {
          console.log("Tài khoản dùng thử (demo accounts):");
          for (const account of result.demo.demoAccounts) {
            console.log(
              `  ${account.username.padEnd(22)} ${account.password.padEnd(18)} ${account.description}`,
            );
          }
        }
        if (options.scale !== "demo") {
          console.log(
            `Tài khoản cấp tỉnh/xã (province/commune accounts): <mã>.canbo, <mã>.bithu — mật khẩu ${result.password}`,
          );
        }
        const summary = formatSeedSummary({
          scale: options.scale,
          before,
          after: await countSeedParts(database.db),
          timings: result.timings,
          size: await databaseSize(database, config.dataDir),
        });
        for (const line of summary) console.log(line);
        return 0;
      }),
    );

  program
    .command("backup")
    .description(
      "Sao lưu toàn bộ dữ liệu vào FILE (gzip NDJSON, dùng được cho cả PGlite và PostgreSQL) (back up all data to FILE)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .argument("<file>", "tệp sao lưu sẽ ghi, ví dụ namro.ndjson.gz (backup file to write)")
    .action((file: string) =>
      withDatabase(async (database) => {
        const { writeBackup } = await import("./backup/write-backup.ts");
        const summary = await writeBackup(database.db, file);
        console.log(
          `Đã sao lưu ${summary.rows} dòng của ${summary.tables} bảng vào ${file} (backup written)`,
        );
        return 0;
      }),
    );

  program
    .command("restore")
    .description(
      "Khôi phục dữ liệu từ FILE trong một giao dịch: chỉ vào cơ sở dữ liệu chưa có dữ liệu, cùng phiên bản lược đồ; lỗi thì không thay đổi gì " +
        "(restore FILE in one transaction, only into a database without data and with the same schema version; on any error nothing changes)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .argument("<file>", "tệp sao lưu do `namro backup` tạo (a file written by `namro backup`)")
    .option(
      "-f, --force",
      "XÓA toàn bộ dữ liệu hiện có rồi khôi phục (ERASE all current data, then restore)",
      false,
    )
    .action((file: string, options: { force: boolean }) =>
      withDatabase(async (database) => {
        const { restoreBackup } = await import("./backup/restore-backup.ts");
        const summary = await restoreBackup(database.db, file, { force: options.force });
        console.log(
          `Đã khôi phục ${summary.rows} dòng của ${summary.tables} bảng từ ${file} (restore complete)`,
        );
        return 0;
      }),
    );

  const importCommand = program
    .command("import")
    .description("Nhập dữ liệu từ tệp (import data from a file)")
    .helpOption("-h, --help", "Hiện trợ giúp (show help)");
  importCommand
    .command("members")
    .description(
      "Nhập đảng viên từ tệp .xlsx hoặc .csv vào một tổ chức, như trang Nhập danh sách; --dry-run chỉ kiểm tra " +
        "(import members from an .xlsx or .csv into an organisation, as the web import does; --dry-run only checks)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .argument("<file>", "tệp .xlsx hoặc .csv (the .xlsx or .csv file)")
    .requiredOption(
      "--org <org>",
      "mã hoặc số hiệu tổ chức: một chi bộ, hoặc tổ chức cấp trên khi tệp có cột Chi bộ (organisation code or id)",
    )
    .option("--dry-run", "chỉ đọc và kiểm tra, không ghi gì (read and check only, write nothing)", false)
    .option("--json", "in kết quả dạng JSON (print the result as JSON)", false)
    .action((file: string, options: { org: string; dryRun: boolean; json: boolean }) =>
      withDatabase(async (database) => {
        const { systemClock } = await import("./platform/clock.ts");
        const { runMemberImportCommand } = await import("./modules/members/members.import.command.ts");
        return runMemberImportCommand({ db: database.db, clock: systemClock }, file, options, (line) =>
          console.log(line),
        );
      }),
    );

  program
    .command("refs")
    .description(
      "In các trích dẫn văn bản tìm thấy trong một tệp .txt, .docx hoặc PDF; --json in dạng JSON; không cần cơ sở dữ liệu " +
        "(print the document references found in a .txt, .docx or PDF file; --json prints JSON; no database needed)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .argument("<file>", "tệp .txt, .docx hoặc .pdf (the .txt, .docx or .pdf file)")
    .option("--json", "in dạng mảng JSON (print a JSON array)", false)
    .action(async (file: string, options: { json: boolean }) => {
      const { runRefsCommand } = await import("./modules/documents/documents.refs.command.ts");
      // exitCode, not exit(): a long JSON written to a pipe must be flushed before the process ends.
      process.exitCode = await runRefsCommand(file, options, {
        out: (line) => console.log(line),
        error: (line) => console.error(line),
      });
    });

  program
    .command("check-plan")
    .description(
      "Đọc dự thảo kế hoạch (.txt, .docx hoặc PDF có lớp chữ), tìm từng nhiệm vụ và chỉ ra “rõ” nào còn thiếu; --json in dạng JSON; không cần cơ sở dữ liệu " +
        "(read a draft plan, find each task and show which of the five clears it lacks; --json prints JSON; no database needed)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .argument("<file>", "tệp .txt, .docx hoặc .pdf (the .txt, .docx or .pdf file)")
    .option("--json", "in dạng mảng JSON (print a JSON array)", false)
    .action(async (file: string, options: { json: boolean }) => {
      const { runCheckPlanCommand } = await import("./modules/plan-checker/plan-checker.command.ts");
      process.exitCode = await runCheckPlanCommand(file, options, {
        out: (line) => console.log(line),
        error: (line) => console.error(line),
      });
    });

  const jobs = program
    .command("jobs")
    .description("Việc chạy nền: nhắc việc, gửi thư (background jobs: reminders, e-mail)")
    .helpOption("-h, --help", "Hiện trợ giúp (show help)");
  jobs
    .command("run")
    .argument("[name]", "task-reminders | task-rollups | mail-outbox (mặc định: tất cả; default: all)")
    .description(
      "Chạy ngay một lần, như máy chủ vẫn chạy định kỳ; an toàn khi máy chủ cũng đang chạy với PostgreSQL (run the background jobs once)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .action((name: string | undefined) =>
      withDatabase(async (database, config) => {
        const { systemClock } = await import("./platform/clock.ts");
        const { NotificationsService } = await import("./modules/notifications/notifications.service.ts");
        const { createBackgroundJobs } = await import("./background-jobs.ts");
        const background = createBackgroundJobs({
          database,
          config,
          clock: systemClock,
          notifications: new NotificationsService({ db: database.db, clock: systemClock }),
          log: {
            info: (message) => console.log(message),
            warn: (message) => console.warn(message),
            error: (message, error) => console.error(message, error),
          },
        });
        const names = name ? [name] : background.scheduler.names;
        let code = 0;
        try {
          for (const job of names) {
            if (!background.scheduler.names.includes(job)) {
              console.error(
                `Không có việc "${job}"${job === "mail-outbox" ? " (chưa cấu hình NAMRO_SMTP_URL)" : ""}; có: ${background.scheduler.names.join(", ")} (no such job)`,
              );
              code = EXIT_FAILURE;
              continue;
            }
            const outcome = await background.scheduler.runOnce(job);
            if (outcome.status === "done") console.log(`${job}: ${JSON.stringify(outcome.result)}`);
            else code = EXIT_FAILURE;
          }
        } finally {
          await background.stop();
        }
        return code;
      }),
    );

  const audit = program
    .command("audit")
    .description("Nhật ký kiểm toán (audit log)")
    .helpOption("-h, --help", "Hiện trợ giúp (show help)");
  audit
    .command("verify")
    .description(
      "Kiểm tra chuỗi băm của nhật ký kiểm toán; mã thoát 1 nếu có dòng bị sửa (verify the audit hash chain; exit code 1 when a row was tampered with)",
    )
    .helpOption("-h, --help", "Hiện trợ giúp (show help)")
    .action(() =>
      withDatabase(async (database) => {
        const { systemClock } = await import("./platform/clock.ts");
        const { OrganisationsService } = await import("./modules/organisations/organisations.service.ts");
        const { AuditService } = await import("./modules/audit/audit.service.ts");
        const deps = { db: database.db, clock: systemClock };
        const result = await new AuditService(deps, new OrganisationsService(deps)).verifyChain();
        if (result.ok) {
          console.log(`OK: ${result.checked} dòng hợp lệ (${result.checked} rows verified)`);
          return 0;
        }
        const reasonVi =
          VERIFY_REASONS_VI.find(([pattern]) => pattern.test(result.reason ?? ""))?.[1] ?? result.reason;
        console.error(`HỎNG (BROKEN): dòng #${result.firstBrokenId} (row id ${result.firstBrokenId})`);
        console.error(`  ${reasonVi}`);
        console.error(`  ${result.reason}`);
        console.error(`  ${result.checked} dòng trước đó hợp lệ (rows before it verified)`);
        return EXIT_FAILURE;
      }),
    );
  return program;
}

await buildProgram().parseAsync(process.argv);
