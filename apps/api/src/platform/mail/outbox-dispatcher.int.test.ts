// The e-mail sender during a mail-server outage: the message that finds the server down counts a
// failed attempt; the rest of its batch is given back untried, its attempts unchanged, due again with
// it. So an outage of a couple of hours fails no message that was never tried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../../../test/smtp-sink.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import { createSmtpSender } from "./mail-sender.ts";
import { dispatchOutbox, MAX_ATTEMPTS, retryDelayMs } from "./outbox-dispatcher.ts";

const NOW = new Date("2026-06-20T03:00:00Z");
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: NOW.toISOString() });
});
afterAll(async () => {
  await t.close();
});

const rows = () =>
  t.database.db
    .selectFrom("emailOutbox")
    .select(["dedupeKey", "status", "attempts", "nextAttemptAt", "lastError"])
    .orderBy("id")
    .execute();

describe("the e-mail sender while the mail server is down", () => {
  it("counts an attempt only for the message tried, and fails none untried after a long outage", async () => {
    const keys = ["o:1", "o:2", "o:3"];
    await t.database.db
      .insertInto("emailOutbox")
      .values(
        keys.map((dedupeKey) => ({
          toAddress: `${dedupeKey.replace(":", "")}@example.vn`,
          subject: "Nhắc báo cáo",
          bodyText: "Nội dung",
          dedupeKey,
          nextAttemptAt: NOW,
          createdAt: NOW,
        })),
      )
      .execute();
    // A port nothing listens on: the sink started and closed again.
    const gone = await startSmtpSink();
    await gone.close();
    const down = createSmtpSender({ smtpUrl: gone.url, from: "namro@example.vn" });
    let clock = NOW.getTime();
    const at = () => new Date(clock);

    expect(await dispatchOutbox(t.database.db, down, at)).toEqual({ sent: 0, retried: 3, failed: 0 });
    const first = await rows();
    expect(first.map((row) => [row.dedupeKey, row.attempts])).toEqual([
      ["o:1", 1],
      ["o:2", 0],
      ["o:3", 0],
    ]);
    // all due again together, after the first pause; the untried ones say why they wait
    for (const row of first) {
      expect(row.status).toBe("pending");
      expect(new Date(row.nextAttemptAt).getTime()).toBe(clock + retryDelayMs(1));
      expect(row.lastError).not.toBeNull();
    }

    // Down through every retry of the first message (about two hours): it alone is given up.
    for (let run = 1; run < MAX_ATTEMPTS; run += 1) {
      clock = Math.max(...(await rows()).map((row) => new Date(row.nextAttemptAt).getTime()));
      await dispatchOutbox(t.database.db, down, at);
    }
    const after = await rows();
    expect(after.map((row) => [row.dedupeKey, row.status, row.attempts])).toEqual([
      ["o:1", "failed", MAX_ATTEMPTS],
      ["o:2", "pending", 0],
      ["o:3", "pending", 0],
    ]);
    down.close();

    // Back up: the two never tried are delivered.
    clock = Math.max(...after.map((row) => new Date(row.nextAttemptAt).getTime()));
    const sink = await startSmtpSink();
    const up = createSmtpSender({ smtpUrl: sink.url, from: "namro@example.vn" });
    expect(await dispatchOutbox(t.database.db, up, at)).toEqual({ sent: 2, retried: 0, failed: 0 });
    up.close();
    await sink.close();
    expect(sink.messages.map((message) => message.to.join()).sort()).toEqual([
      "o2@example.vn",
      "o3@example.vn",
    ]);
  });
});
