// The jobs `serve` starts: reminders always, the e-mail sender only with SMTP configured; each runs
// on demand without throwing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../test/smtp-sink.ts";
import { createTestApp, type TestApp } from "../test/test-app.ts";
import { createBackgroundJobs } from "./background-jobs.ts";

let t: TestApp;
const log = { info: () => {}, warn: () => {}, error: () => {} };

function jobs(config: Parameters<typeof createBackgroundJobs>[0]["config"]) {
  return createBackgroundJobs({
    database: t.database,
    config,
    clock: t.clock,
    notifications: t.app.services.notifications,
    log,
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
});

afterAll(async () => {
  await t?.close();
});

describe("background jobs", () => {
  it("runs the reminders, and no e-mail sender without SMTP", async () => {
    const background = jobs({ mail: null, publicUrl: null });
    expect(background.scheduler.names).toEqual(["task-reminders", "task-rollups"]);
    const outcome = await background.scheduler.runOnce("task-reminders");
    expect(outcome.status).toBe("done");
    await background.stop();
  });

  it("sends the queued e-mails through the configured server", async () => {
    const sink = await startSmtpSink();
    const now = t.clock.now();
    await t.database.db
      .insertInto("emailOutbox")
      .values({
        toAddress: "van.phong@example.vn",
        subject: "Nhắc việc",
        bodyText: "Nội dung",
        dedupeKey: "jobs-test",
        nextAttemptAt: now,
        createdAt: now,
      })
      .execute();
    const background = jobs({
      mail: { smtpUrl: sink.url, from: "Năm Rõ <namro@example.vn>" },
      publicUrl: null,
    });
    try {
      expect(background.scheduler.names).toEqual(["task-reminders", "task-rollups", "mail-outbox"]);
      const outcome = await background.scheduler.runOnce("mail-outbox");
      expect(outcome).toEqual({ status: "done", result: { sent: 1, retried: 0, failed: 0 } });
      expect(sink.messages.map((message) => [message.to, message.subject])).toEqual([
        [["van.phong@example.vn"], "Nhắc việc"],
      ]);
    } finally {
      await background.stop();
      await sink.close();
    }
  });
});
