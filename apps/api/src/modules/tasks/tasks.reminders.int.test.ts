// The task reminder job on a real database: each kind once (also when two runs race), nothing for
// paused, cancelled or finished tasks, personal notices only in their person's inbox, e-mails queued
// with the notice and delivered to a local SMTP sink, retried while the server is down, then failed.
import type { NotificationList } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { startSmtpSink } from "../../../test/smtp-sink.ts";
import { createTask, type TaskSpec } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow, TaskRow } from "../../db/schema.ts";
import { fixedClock } from "../../platform/clock.ts";
import { createSmtpSender } from "../../platform/mail/mail-sender.ts";
import {
  dispatchOutbox,
  MAX_ATTEMPTS,
  retryDelayMs,
  SENT_KEPT_DAYS,
} from "../../platform/mail/outbox-dispatcher.ts";
import { TaskRemindersService } from "./tasks.reminders.ts";

// 10:00 in Việt Nam on 28/06/2026: June's report is due (by 05/07), May's is late.
const NOW = "2026-06-28T03:00:00Z";
const LONG_AGO = new Date("2026-01-01T00:00:00Z");

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let person: TestSession;
let communeStaff: TestSession;
let other: TestSession;
let assigner: { id: number };

function reminders(options: { mail: boolean; publicUrl?: string | null; now?: string } = { mail: false }) {
  return new TaskRemindersService(
    { db: t.database.db, clock: fixedClock(options.now ?? NOW) },
    t.app.services.notifications,
    { mail: options.mail, publicUrl: options.publicUrl ?? null, batchSize: 3 },
  );
}

/** A task of the province led by commune A, changed long ago (no assignment notice), for `person`. */
function task(spec: Partial<TaskSpec> = {}): Promise<TaskRow> {
  return createTask(t.database.db, {
    owner: fx.province,
    lead: fx.communeA,
    responsibleAccountId: person.accountId,
    createdBy: assigner.id,
    createdAt: LONG_AGO,
    updatedAt: LONG_AGO,
    ...spec,
  });
}

interface NoticeRow {
  kind: string;
  orgId: number | null;
  accountId: number | null;
  dedupeKey: string | null;
  titleVi: string;
  bodyVi: string;
}

async function noticesOf(taskRow: TaskRow): Promise<NoticeRow[]> {
  return t.database.db
    .selectFrom("notifications")
    .select(["kind", "orgId", "accountId", "dedupeKey", "titleVi", "bodyVi"])
    .where("link", "=", `/tasks/${taskRow.id}`)
    .orderBy("dedupeKey")
    .execute();
}

function summary(rows: NoticeRow[]): string[] {
  return rows
    .map((row) => `${row.kind}→${row.accountId === null ? `org:${row.orgId}` : `account:${row.accountId}`}`)
    .sort();
}

async function setEmail(accountId: number, email: string, locale: "vi" | "en" = "vi") {
  await t.database.db.updateTable("accounts").set({ email, locale }).where("id", "=", accountId).execute();
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  fx = await createProvince(t.database.db);
  person = await t.actor([{ role: "member", orgId: fx.cellA.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: fx.communeA.id }]);
  other = await t.actor([{ role: "committee_staff", orgId: fx.cellA.id }]);
  assigner = await t.createAccount([{ role: "committee_staff", orgId: fx.province.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("task reminders", () => {
  it("sends each kind once, to the lead organisation and the person, however often the job runs", async () => {
    const assigned = await task({ updatedAt: new Date("2026-06-27T00:00:00Z"), dueDate: "2026-09-30" });
    const dueSoon = await task({ dueDate: "2026-07-02" });
    const overdue = await task({ dueDate: "2026-06-20" });
    const reportDue = await task({
      schedule: "continuous",
      reportFrequency: "monthly",
      startDate: "2026-01-01",
      lastReportedPeriodEnd: "2026-05-31",
      progressPercent: 40,
    });
    const reportLate = await task({
      schedule: "continuous",
      reportFrequency: "monthly",
      startDate: "2026-01-01",
      lastReportedPeriodEnd: "2026-04-30",
      progressPercent: 30,
    });
    const returned = await task({ dueDate: "2026-12-31" });
    // Of a cell under the lead commune: not in the commune's inbox, so told personally.
    const submitter = await t.createAccount([{ role: "cell_secretary", orgId: fx.cellA.id }]);
    await t.database.db
      .insertInto("taskReports")
      .values({
        taskId: returned.id,
        periodKey: "final",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        percent: 60,
        status: "returned",
        returnReason: "Thiếu minh chứng kết nạp",
        submittedBy: submitter.id,
        reviewedAt: new Date("2026-06-27T08:00:00Z"),
        version: 2,
      })
      .execute();

    const first = await reminders().run();
    const again = await reminders().run();
    expect(again.notices).toEqual({
      assigned: 0,
      due_soon: 0,
      overdue: 0,
      report_due: 0,
      report_late: 0,
      report_returned: 0,
    });
    expect(first.notices).toMatchObject({ due_soon: 2, overdue: 2, report_due: 4, report_late: 2 });
    expect(first.mailsQueued).toBe(0);

    const org = `org:${fx.communeA.id}`;
    const me = `account:${person.accountId}`;
    expect(summary(await noticesOf(assigned))).toEqual([`task_assigned→${me}`, `task_assigned→${org}`]);
    expect(summary(await noticesOf(dueSoon))).toEqual([`task_due_soon→${me}`, `task_due_soon→${org}`]);
    expect(summary(await noticesOf(overdue))).toEqual([`task_overdue→${me}`, `task_overdue→${org}`]);
    expect(summary(await noticesOf(reportDue))).toEqual([`task_report_due→${me}`, `task_report_due→${org}`]);
    // May's report is late and June's is due.
    expect(summary(await noticesOf(reportLate))).toEqual([
      `task_report_due→${me}`,
      `task_report_due→${org}`,
      `task_report_late→${me}`,
      `task_report_late→${org}`,
    ]);
    expect(summary(await noticesOf(returned))).toEqual([
      `task_report_returned→account:${submitter.id}`,
      `task_report_returned→${org}`,
    ]);

    const [overdueOrg] = (await noticesOf(overdue)).filter((row) => row.orgId !== null);
    expect(overdueOrg).toMatchObject({
      dedupeKey: `task:${overdue.id}:overdue:2026-06-20`,
      titleVi: `Quá hạn: ${overdue.title}`,
    });
    expect(overdueOrg?.bodyVi).toContain("20/06/2026 (đã quá hạn 8 ngày)");
    const late = (await noticesOf(reportLate)).find((row) => row.kind === "task_report_late" && row.orgId);
    expect(late?.dedupeKey).toBe(`task:${reportLate.id}:report:2026-05:late`);
    expect(late?.bodyVi).toContain("tháng 5/2026");
    const back = (await noticesOf(returned)).find((row) => row.accountId === submitter.id);
    expect(back?.dedupeKey).toBe(`task:${returned.id}:report:final:returned:2:account:${submitter.id}`);
    expect(back?.bodyVi).toContain("Lý do: Thiếu minh chứng kết nạp");
  });

  it("reminds again when the deadline moves or a corrected report is returned again, once each", async () => {
    const moved = await task({ dueDate: "2026-06-25" });
    await reminders().run();
    await t.database.db
      .updateTable("tasks")
      .set({ dueDate: "2026-07-01" })
      .where("id", "=", moved.id)
      .execute();
    await reminders().run();
    await reminders().run();
    expect(summary(await noticesOf(moved)).filter((line) => line.includes("org:"))).toEqual([
      `task_due_soon→org:${fx.communeA.id}`,
      `task_overdue→org:${fx.communeA.id}`,
    ]);

    const corrected = await task({ dueDate: "2026-12-31" });
    const report = await t.database.db
      .insertInto("taskReports")
      .values({
        taskId: corrected.id,
        periodKey: "final",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        percent: 50,
        status: "returned",
        returnReason: "Số liệu chưa khớp",
        submittedBy: person.accountId,
        reviewedAt: new Date("2026-06-20T08:00:00Z"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await reminders().run();
    // Corrected, submitted again (version 2), returned again (version 3).
    await t.database.db
      .updateTable("taskReports")
      .set({ version: 3, returnReason: "Vẫn thiếu minh chứng", reviewedAt: new Date("2026-06-27T08:00:00Z") })
      .where("id", "=", report.id)
      .execute();
    await reminders().run();
    await reminders().run();
    const returns = (await noticesOf(corrected)).filter((row) => row.accountId !== null);
    expect(returns.map((row) => row.dedupeKey)).toEqual([
      `task:${corrected.id}:report:final:returned:1:account:${person.accountId}`,
      `task:${corrected.id}:report:final:returned:3:account:${person.accountId}`,
    ]);
    expect(returns[1]?.bodyVi).toContain("Vẫn thiếu minh chứng");
  });

  it("tells a person who holds a role on the addressed organisation once: its notice, one e-mail", async () => {
    const secretary = await t.actor([{ role: "committee_staff", orgId: fx.communeB.id }]);
    await setEmail(secretary.accountId, "bi.thu.chi.bo@example.vn");
    const overdue = await task({
      lead: fx.communeB,
      responsibleAccountId: secretary.accountId,
      dueDate: "2026-06-19",
    });
    const returned = await task({ lead: fx.communeB, responsibleAccountId: null, dueDate: "2026-12-31" });
    await t.database.db
      .insertInto("taskReports")
      .values({
        taskId: returned.id,
        periodKey: "final",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        percent: 60,
        status: "returned",
        returnReason: "Thiếu biên bản",
        submittedBy: secretary.accountId,
        reviewedAt: new Date("2026-06-27T08:00:00Z"),
      })
      .execute();
    await t.database.db.deleteFrom("emailOutbox").execute();
    await reminders({ mail: true }).run();
    await reminders({ mail: true }).run();
    const org = `org:${fx.communeB.id}`;
    expect(summary(await noticesOf(overdue))).toEqual([`task_overdue→${org}`]);
    expect(summary(await noticesOf(returned))).toEqual([`task_report_returned→${org}`]);
    const inbox = (
      await t.call(secretary, { method: "GET", url: "/api/notifications?pageSize=100" })
    ).json() as NotificationList;
    const links = inbox.items.map((item) => item.link);
    expect(links.filter((link) => link === `/tasks/${overdue.id}`)).toHaveLength(1);
    expect(links.filter((link) => link === `/tasks/${returned.id}`)).toHaveLength(1);
    const mails = await t.database.db
      .selectFrom("emailOutbox")
      .select("dedupeKey")
      .where("toAddress", "=", "bi.thu.chi.bo@example.vn")
      .execute();
    expect(mails).toHaveLength(2);
    expect(new Set(mails.map((row) => row.dedupeKey))).toEqual(
      new Set([
        `task:${overdue.id}:overdue:2026-06-19:mail:${secretary.accountId}`,
        `task:${returned.id}:report:final:returned:1:mail:${secretary.accountId}`,
      ]),
    );
    await t.database.db.deleteFrom("emailOutbox").execute();
    await t.database.db
      .updateTable("accounts")
      .set({ email: null })
      .where("id", "=", secretary.accountId)
      .execute();
  });

  it("sends nothing for cancelled, paused or finished tasks, nor to an organisation that assigned itself", async () => {
    const quiet = [
      await task({ dueDate: "2026-06-20", state: "cancelled", updatedAt: new Date("2026-06-27T00:00:00Z") }),
      await task({ dueDate: "2026-06-30", state: "paused" }),
      await task({ dueDate: "2026-06-20", completedOn: "2026-06-19", progressPercent: 100 }),
      await task({
        reportFrequency: "monthly",
        schedule: "continuous",
        startDate: "2026-01-01",
        state: "cancelled",
      }),
      // Own task, own person, recently created: no assignment notice.
      await task({
        lead: fx.province,
        responsibleAccountId: assigner.id,
        updatedAt: new Date("2026-06-27T00:00:00Z"),
      }),
    ];
    await reminders().run();
    for (const row of quiet) expect(await noticesOf(row)).toEqual([]);
  });

  it("sends one reminder when two runs race (each notice and each e-mail once)", async () => {
    await setEmail(person.accountId, "nguoi.phu.trach@example.vn");
    const racing = [
      await task({ dueDate: "2026-06-21" }),
      await task({ dueDate: "2026-06-22" }),
      await task({ dueDate: "2026-07-01" }),
      await task({ dueDate: "2026-06-23" }),
      await task({ dueDate: "2026-06-24" }),
    ];
    await Promise.all([reminders({ mail: true }).run(), reminders({ mail: true }).run()]);
    const ids = racing.map((row) => `/tasks/${row.id}`);
    const { count } = await t.database.db
      .selectFrom("notifications")
      .select(sql<number>`count(*)::int`.as("count"))
      .where("link", "in", ids)
      .executeTakeFirstOrThrow();
    expect(count).toBe(10);
    const mails = await t.database.db
      .selectFrom("emailOutbox")
      .select("dedupeKey")
      .where(
        "dedupeKey",
        "in",
        racing.map(
          (row) =>
            `task:${row.id}:${row.id === racing[2]?.id ? "due-soon" : "overdue"}:${row.dueDate}:mail:${person.accountId}`,
        ),
      )
      .execute();
    expect(mails).toHaveLength(5);
    await t.database.db.deleteFrom("emailOutbox").execute();
    await t.database.db
      .updateTable("accounts")
      .set({ email: null })
      .where("id", "=", person.accountId)
      .execute();
  });

  it("shows a personal notice only in its person's inbox, the organisation's to those holding a role on it", async () => {
    const own = await task({ dueDate: "2026-07-03", title: "Rà soát hồ sơ đảng viên" });
    await reminders().run();
    const inbox = async (session: TestSession) =>
      (
        (
          await t.call(session, { method: "GET", url: "/api/notifications?pageSize=100" })
        ).json() as NotificationList
      ).items.filter((item) => item.link === `/tasks/${own.id}`);
    const mine = await inbox(person);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "task_due_soon", orgId: null, orgName: null });
    const staff = await inbox(communeStaff);
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({ orgId: fx.communeA.id, orgName: fx.communeA.name });
    expect(await inbox(other)).toEqual([]);
    const id = mine[0]?.id;
    expect((await t.call(other, { method: "POST", url: `/api/notifications/${id}/read` })).statusCode).toBe(
      404,
    );
    // Mark all read reaches the personal notices too.
    const marked = (await t.call(person, { method: "POST", url: "/api/notifications/read-all" })).json();
    expect(marked.marked).toBeGreaterThan(0);
    expect((await t.call(person, { method: "GET", url: "/api/notifications/unread-count" })).json()).toEqual({
      unread: 0,
    });
  });

  it("queues nothing when SMTP is not configured", async () => {
    await setEmail(person.accountId, "khong.gui@example.vn");
    const quietTask = await task({ dueDate: "2026-06-26" });
    const result = await reminders({ mail: false }).run();
    expect(result.mailsQueued).toBe(0);
    expect(await noticesOf(quietTask)).toHaveLength(2);
    const queued = await t.database.db
      .selectFrom("emailOutbox")
      .select("id")
      .where("dedupeKey", "like", `task:${quietTask.id}:%`)
      .execute();
    expect(queued).toEqual([]);
    await t.database.db
      .updateTable("accounts")
      .set({ email: null })
      .where("id", "=", person.accountId)
      .execute();
  });
});

describe("reminder e-mails", () => {
  let lead: OrganisationRow;
  let responsible: { id: number };
  let staff: { id: number };
  let leader: { id: number };

  beforeAll(async () => {
    lead = fx.communeB;
    responsible = await t.createAccount([{ role: "member", orgId: fx.cellB.id }]);
    staff = await t.createAccount([{ role: "committee_staff", orgId: lead.id }]);
    leader = await t.createAccount([{ role: "committee_leader", orgId: lead.id }]);
    await setEmail(responsible.id, "phu.trach@example.vn", "en");
    await setEmail(staff.id, "van.phong.xa@example.vn");
    await setEmail(leader.id, "bi.thu.xa@example.vn");
    await t.database.db.deleteFrom("emailOutbox").execute();
  });

  it("e-mails the person (in their language) and the organisation's staff, delivered to an SMTP server", async () => {
    const overdue = await task({ lead, responsibleAccountId: responsible.id, dueDate: "2026-06-18" });
    const result = await reminders({ mail: true, publicUrl: "https://namro.example.vn" }).run();
    expect(result.mailsQueued).toBe(2);
    const again = await reminders({ mail: true, publicUrl: "https://namro.example.vn" }).run();
    expect(again.mailsQueued).toBe(0);

    const sink = await startSmtpSink();
    const sender = createSmtpSender({ smtpUrl: sink.url, from: "Năm Rõ <namro@example.vn>" });
    try {
      const sent = await dispatchOutbox(t.database.db, sender, () => new Date(NOW));
      expect(sent).toEqual({ sent: 2, retried: 0, failed: 0 });
      const byRecipient = new Map(sink.messages.map((message) => [message.to.join(","), message]));
      expect([...byRecipient.keys()].sort()).toEqual(["phu.trach@example.vn", "van.phong.xa@example.vn"]);
      const vi = byRecipient.get("van.phong.xa@example.vn");
      expect(vi?.subject).toBe(`[Năm Rõ] Quá hạn: ${overdue.title}`);
      expect(vi?.from).toBe("namro@example.vn");
      expect(vi?.text).toContain("đã quá hạn 10 ngày");
      expect(vi?.text).toContain(`https://namro.example.vn/tasks/${overdue.id}`);
      const en = byRecipient.get("phu.trach@example.vn");
      expect(en?.subject).toBe(`[Năm Rõ] Overdue: ${overdue.title}`);
      expect(en?.text).toContain("10 days overdue");
      const rows = await t.database.db.selectFrom("emailOutbox").selectAll().execute();
      expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
      expect(rows.every((row) => row.attempts === 1 && row.sentAt !== null)).toBe(true);
      // Nothing left to send.
      expect(await dispatchOutbox(t.database.db, sender, () => new Date(NOW))).toEqual({
        sent: 0,
        retried: 0,
        failed: 0,
      });
    } finally {
      sender.close();
      await sink.close();
    }
  });

  it("retries while the SMTP server is down, delivers when it is back, and gives up after the last attempt", async () => {
    await t.database.db.deleteFrom("emailOutbox").execute();
    const now = new Date(NOW);
    await t.database.db
      .insertInto("emailOutbox")
      .values([
        {
          toAddress: "a@example.vn",
          subject: "Thử lần 1",
          bodyText: "Nội dung",
          dedupeKey: "test:a",
          nextAttemptAt: now,
          createdAt: now,
        },
        {
          toAddress: "b@example.vn",
          subject: "Thử lần 2",
          bodyText: "Nội dung",
          dedupeKey: "test:b",
          nextAttemptAt: now,
          createdAt: now,
        },
      ])
      .execute();
    // A port nothing listens on: the sink started and closed again.
    const gone = await startSmtpSink();
    await gone.close();
    const down = createSmtpSender({ smtpUrl: gone.url, from: "namro@example.vn" });
    let clock = now.getTime();
    const at = () => new Date(clock);
    expect(await dispatchOutbox(t.database.db, down, at)).toEqual({ sent: 0, retried: 2, failed: 0 });
    const row = (key: string) =>
      t.database.db
        .selectFrom("emailOutbox")
        .selectAll()
        .where("dedupeKey", "=", key)
        .executeTakeFirstOrThrow();
    const a = await row("test:a");
    expect(a).toMatchObject({ status: "pending", attempts: 1 });
    expect(a.lastError).not.toBeNull();
    expect(new Date(a.nextAttemptAt).getTime()).toBe(clock + retryDelayMs(1));
    // Not due yet: nothing is tried.
    expect(await dispatchOutbox(t.database.db, down, at)).toEqual({ sent: 0, retried: 0, failed: 0 });

    // Back up for one run: only "a" is delivered (b's retry is moved out of this run first).
    await t.database.db
      .updateTable("emailOutbox")
      .set({ nextAttemptAt: new Date(clock + 365 * 86_400_000) })
      .where("dedupeKey", "=", "test:b")
      .execute();
    const sink = await startSmtpSink();
    const up = createSmtpSender({ smtpUrl: sink.url, from: "namro@example.vn" });
    clock += retryDelayMs(1);
    expect(await dispatchOutbox(t.database.db, up, at)).toEqual({ sent: 1, retried: 0, failed: 0 });
    up.close();
    await sink.close();
    expect(sink.messages.map((message) => message.subject)).toEqual(["Thử lần 1"]);
    expect(await row("test:a")).toMatchObject({ status: "sent", attempts: 2, lastError: null });

    // Down for good: "b" is tried until its last attempt, then failed.
    await t.database.db
      .updateTable("emailOutbox")
      .set({ nextAttemptAt: at() })
      .where("dedupeKey", "=", "test:b")
      .execute();
    // Its turn above was given back untried (the server was already down, outbox-dispatcher.int.test.ts);
    // attempts 1 … MAX_ATTEMPTS − 1 fail and are planned again.
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(await dispatchOutbox(t.database.db, down, at)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const b = await row("test:b");
      expect(new Date(b.nextAttemptAt).getTime()).toBe(clock + retryDelayMs(attempt));
      clock = new Date(b.nextAttemptAt).getTime();
    }
    expect(await dispatchOutbox(t.database.db, down, at)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await row("test:b")).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    clock += 86_400_000;
    expect(await dispatchOutbox(t.database.db, down, at)).toEqual({ sent: 0, retried: 0, failed: 0 });

    // A month after it was sent, "a" is removed; the failed "b" stays for whoever looks into it.
    clock = new Date((await row("test:a")).sentAt as Date).getTime() + SENT_KEPT_DAYS * 86_400_000 + 1;
    await dispatchOutbox(t.database.db, down, at);
    const left = await t.database.db.selectFrom("emailOutbox").select("dedupeKey").execute();
    expect(left.map((r) => r.dedupeKey)).toEqual(["test:b"]);
    down.close();
  });
});
