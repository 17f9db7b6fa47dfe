// The background jobs `serve` runs (ADR 0007): task reminders every few minutes and, when SMTP is
// configured, the e-mail sender every minute. Each job is idempotent in the database, so several app
// processes on one PostgreSQL server may all run them.
import type { FastifyInstance } from "fastify";
import type { AppConfig } from "./config.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { TaskRemindersService } from "./modules/tasks/tasks.reminders.ts";
import type { Clock } from "./platform/clock.ts";
import { type JobDefinition, Scheduler } from "./platform/jobs/scheduler.ts";
import { createSmtpSender } from "./platform/mail/mail-sender.ts";
import { dispatchOutbox } from "./platform/mail/outbox-dispatcher.ts";

const MINUTE = 60_000;

export interface BackgroundJobs {
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export function createBackgroundJobs(
  app: FastifyInstance,
  database: DatabaseHandle,
  config: Pick<AppConfig, "mail" | "publicUrl">,
  clock: Clock,
): BackgroundJobs {
  const reminders = new TaskRemindersService({ db: database.db, clock }, app.services.notifications, {
    mail: config.mail !== null,
    publicUrl: config.publicUrl,
  });
  const jobs: JobDefinition[] = [
    {
      name: "task-reminders",
      everyMs: 10 * MINUTE,
      firstAfterMs: MINUTE,
      run: async (now) => {
        const result = await reminders.run(now);
        const sent = Object.values(result.notices).reduce((sum, count) => sum + count, 0);
        if (sent > 0) app.log.info({ reminders: result }, `task reminders: ${sent} notices sent`);
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
        if (result.retried + result.failed > 0) app.log.warn({ mail: result }, "some e-mails were not sent");
        return result;
      },
    });
  }
  const scheduler = new Scheduler(jobs, {
    clock,
    log: {
      info: (message) => app.log.info(message),
      error: (message, error) => app.log.error({ err: error }, message),
    },
  });
  return {
    scheduler,
    async stop() {
      await scheduler.stop();
      sender?.close();
    },
  };
}
