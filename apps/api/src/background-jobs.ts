// The background jobs `serve` runs (ADR 0007): task reminders every few minutes, the precomputed task
// roll-ups brought to the new day soon after midnight (a no-op while current) and, when SMTP is
// configured, the e-mail sender every minute. Each job is idempotent in the database, so several app
// processes on one PostgreSQL server may all run them; `namro jobs run` runs them once.
import type { AppConfig } from "./config.ts";
import type { DatabaseHandle } from "./db/database.ts";
import type { NotificationsService } from "./modules/notifications/notifications.service.ts";
import { TaskRemindersService } from "./modules/tasks/tasks.reminders.ts";
import { TaskRollupsRefresher } from "./modules/tasks/tasks.rollups.refresh.ts";
import type { Clock } from "./platform/clock.ts";
import { type JobDefinition, type JobLogger, Scheduler } from "./platform/jobs/scheduler.ts";
import { createSmtpSender } from "./platform/mail/mail-sender.ts";
import { dispatchOutbox } from "./platform/mail/outbox-dispatcher.ts";

const MINUTE = 60_000;

export const JOB_NAMES = ["task-reminders", "task-rollups", "mail-outbox"] as const;

export interface BackgroundJobs {
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export interface BackgroundJobDeps {
  database: DatabaseHandle;
  config: Pick<AppConfig, "mail" | "publicUrl">;
  clock: Clock;
  notifications: NotificationsService;
  log: JobLogger & { warn(message: string): void };
}

export function createBackgroundJobs(deps: BackgroundJobDeps): BackgroundJobs {
  const { database, config, clock, log } = deps;
  const reminders = new TaskRemindersService({ db: database.db, clock }, deps.notifications, {
    mail: config.mail !== null,
    publicUrl: config.publicUrl,
  });
  const rollups = new TaskRollupsRefresher({ db: database.db, clock });
  const jobs: JobDefinition[] = [
    {
      name: "task-reminders",
      everyMs: 10 * MINUTE,
      firstAfterMs: MINUTE,
      run: async (now) => {
        const result = await reminders.run(now);
        const sent = Object.values(result.notices).reduce((sum, count) => sum + count, 0);
        if (sent > 0) {
          log.info(
            `Nhắc việc: đã gửi ${sent} thông báo, xếp ${result.mailsQueued} thư (task reminders: ${JSON.stringify(result.notices)})`,
          );
        }
        return result;
      },
    },
    {
      name: "task-rollups",
      everyMs: 5 * MINUTE,
      firstAfterMs: 20_000,
      run: async (now) => {
        const result = await rollups.run(now);
        if (result.rebuilt)
          log.info(`Tổng hợp nhiệm vụ: đã tính lại cho ngày ${result.asOf} (task roll-ups rebuilt)`);
        return result;
      },
    },
  ];
  const sender = config.mail ? createSmtpSender(config.mail) : null;
  if (sender) {
    jobs.push({
      name: "mail-outbox",
      everyMs: MINUTE,
      firstAfterMs: 30_000,
      run: async () => {
        const result = await dispatchOutbox(database.db, sender, () => clock.now());
        if (result.retried + result.failed > 0) {
          log.warn(
            `Thư chưa gửi được: ${result.retried} sẽ thử lại, ${result.failed} bỏ qua (e-mails not sent: ${result.retried} retried later, ${result.failed} failed)`,
          );
        }
        return result;
      },
    });
  }
  const scheduler = new Scheduler(jobs, { clock, log });
  return {
    scheduler,
    async stop() {
      await scheduler.stop();
      sender?.close();
    },
  };
}
