// The jobs `serve` starts: reminders always, the e-mail sender only with SMTP configured; each runs
// on demand without throwing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../test/smtp-sink.ts";
import { createTestApp, type TestApp } from "../test/test-app.ts";
import { createBackgroundJobs } from "./background-jobs.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
});

afterAll(async () => {
  await t?.close();
});

describe("background jobs", () => {
  it("runs the reminders, and no e-mail sender without SMTP", async () => {
    const jobs = createBackgroundJobs(t.app, t.database, { mail: null, publicUrl: null }, t.clock);
    expect(jobs.scheduler.names).toEqual(["task-reminders"]);
    const outcome = await jobs.scheduler.runOnce("task-reminders");
    expect(outcome.status).toBe("done");
    await jobs.stop();
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
    const jobs = createBackgroundJobs(
      t.app,
      t.database,
      { mail: { smtpUrl: sink.url, from: "Năm Rõ <namro@example.vn>" }, publicUrl: null },
      t.clock,
    );
    try {
      expect(jobs.scheduler.names).toEqual(["task-reminders", "mail-outbox"]);
      const outcome = await jobs.scheduler.runOnce("mail-outbox");
      expect(outcome).toEqual({ status: "done", result: { sent: 1, retried: 0, failed: 0 } });
      expect(sink.messages.map((message) => [message.to, message.subject])).toEqual([
        [["van.phong@example.vn"], "Nhắc việc"],
      ]);
    } finally {
      await jobs.stop();
      await sink.close();
    }
  });
});
