// The task reminder job: scans the database for tasks that need a reminder — assigned, due soon,
// overdue, report due, report late, report returned — and sends each one once: to the inbox of the
// organisation that leads the task (else the one that assigned it) and personally to the responsible
// person (for a returned report: the person who submitted it) — unless that person holds a role on the
// organisation addressed, and so already sees its notice: one notice per event and person. It reads only the tables, so it does
// not depend on how tasks and reports are written. "Once" comes from the notifications' unique dedupe
// keys, so two processes running the job at the same moment still send one reminder; the e-mails of a
// notice are queued in the same transaction, each under its own key (one per reminder and account).
// Work is bounded: batches of BATCH tasks, each its own short transaction, at most MAX_BATCHES per kind
// and run; what is left is found by the next run.
import { type Permission, ROLES, type Role } from "@namro/contracts";
import { todayInVietnam } from "@namro/domain";
import { ROLE_PERMISSIONS } from "../../platform/auth/permissions.ts";
import { enqueueMail, type OutgoingMail } from "../../platform/mail/mail-outbox.repository.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import type { NotificationInput, NotificationsService } from "../notifications/notifications.service.ts";
import {
  REMINDER_NOTIFICATION_KIND,
  type ReminderText,
  reminderMail,
  reminderText,
} from "./tasks.reminders.messages.ts";
import {
  listMailRecipients,
  type ReminderCandidateRow,
  type ReminderKind,
  scanReminders,
} from "./tasks.reminders.repository.ts";

export const REMINDER_KINDS: readonly ReminderKind[] = [
  "assigned",
  "due_soon",
  "overdue",
  "report_due",
  "report_late",
  "report_returned",
];

const BATCH = 200;
const MAX_BATCHES = 25;

/** Those who act on a task for an organisation (report, manage) are e-mailed its organisation's reminders. */
const MAIL_PERMISSION: Permission = "task.report";
export const MAIL_ROLES: readonly Role[] = ROLES.filter((role) =>
  ROLE_PERMISSIONS[role].includes(MAIL_PERMISSION),
);

export interface TaskReminderOptions {
  /** Queue e-mails (SMTP configured); false: in-app notices only, nothing queued. */
  mail: boolean;
  /** For absolute links in e-mails. */
  publicUrl: string | null;
  batchSize?: number;
}

export interface ReminderRunResult {
  /** Notices sent per kind (organisation and personal ones). */
  notices: Record<ReminderKind, number>;
  mailsQueued: number;
}

interface Notice {
  input: NotificationInput;
  /** Key of the e-mails of this reminder, before ":mail:<account>". */
  mailKey: string;
  text: ReminderText;
  personal: boolean;
  /** An organisation's notice: the person whose own notice it replaces, e-mailed with it. */
  alsoMailed: number | null;
}

function noticesOf(kind: ReminderKind, row: ReminderCandidateRow, today: string): Notice[] {
  const link = `/tasks/${row.taskId}`;
  const mailKey = kind === "assigned" ? `task:${row.taskId}:assigned` : (row.orgKey ?? "");
  const notices: Notice[] = [];
  const add = (personal: boolean, dedupeKey: string) => {
    const text = reminderText(kind, row, today, personal);
    notices.push({
      input: {
        orgId: personal ? null : row.orgId,
        accountId: personal ? row.accountId : null,
        kind: REMINDER_NOTIFICATION_KIND[kind],
        ...text,
        link,
        dedupeKey,
        createdBy: null,
      },
      mailKey,
      text,
      personal,
      alsoMailed: !personal && row.personSeesOrgNotice ? row.accountId : null,
    });
  };
  // The person first, so an account that is both gets the personal words by e-mail.
  if (row.accountKey !== null && row.accountId !== null) add(true, row.accountKey);
  if (row.orgKey !== null) add(false, row.orgKey);
  return notices;
}

export class TaskRemindersService {
  readonly #deps: ServiceDeps;
  readonly #notifications: NotificationsService;
  readonly #options: TaskReminderOptions;

  constructor(deps: ServiceDeps, notifications: NotificationsService, options: TaskReminderOptions) {
    this.#deps = deps;
    this.#notifications = notifications;
    this.#options = options;
  }

  /** One run of the job at `now` (default: the clock). */
  async run(now: Date = this.#deps.clock.now()): Promise<ReminderRunResult> {
    const today = todayInVietnam(now);
    const result: ReminderRunResult = {
      notices: { assigned: 0, due_soon: 0, overdue: 0, report_due: 0, report_late: 0, report_returned: 0 },
      mailsQueued: 0,
    };
    const limit = this.#options.batchSize ?? BATCH;
    for (const kind of REMINDER_KINDS) {
      let afterId = 0;
      for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
        const rows = await scanReminders(this.#deps.db, kind, { today, now, afterId, limit });
        if (rows.length === 0) break;
        afterId = (rows.at(-1) as ReminderCandidateRow).taskId;
        const sent = await this.#send(
          rows.flatMap((row) => noticesOf(kind, row, today)),
          now,
        );
        result.notices[kind] += sent.notices;
        result.mailsQueued += sent.mails;
        if (rows.length < limit) break;
      }
    }
    return result;
  }

  /** Sends the notices not sent yet and queues their e-mails, in one transaction. */
  async #send(notices: Notice[], now: Date): Promise<{ notices: number; mails: number }> {
    return this.#deps.db.transaction().execute(async (trx) => {
      const sentInputs = new Set(
        await this.#notifications.notifyMany(
          trx,
          notices.map((n) => n.input),
        ),
      );
      const sent = notices.filter((notice) => sentInputs.has(notice.input));
      if (!this.#options.mail || sent.length === 0) return { notices: sent.length, mails: 0 };
      const accountIds = sent.flatMap((n) =>
        n.personal && n.input.accountId ? [n.input.accountId] : n.alsoMailed !== null ? [n.alsoMailed] : [],
      );
      const orgIds = sent.flatMap((n) => (!n.personal && n.input.orgId !== null ? [n.input.orgId] : []));
      const recipients = await listMailRecipients(trx, accountIds, orgIds, MAIL_ROLES);
      const mails: OutgoingMail[] = [];
      const queued = new Set<string>();
      for (const notice of sent) {
        const reached = recipients.filter((recipient) =>
          notice.personal
            ? recipient.orgId === null && recipient.accountId === notice.input.accountId
            : recipient.orgId === notice.input.orgId ||
              (recipient.orgId === null && recipient.accountId === notice.alsoMailed),
        );
        for (const recipient of reached) {
          // An account reached both through the organisation and as its person is e-mailed once.
          const dedupeKey = `${notice.mailKey}:mail:${recipient.accountId}`;
          if (queued.has(dedupeKey)) continue;
          queued.add(dedupeKey);
          const mail = reminderMail(
            notice.text,
            notice.input.link ?? "/",
            recipient.locale,
            this.#options.publicUrl,
          );
          mails.push({
            toAddress: recipient.email,
            subject: mail.subject,
            bodyText: mail.bodyText,
            dedupeKey,
          });
        }
      }
      return { notices: sent.length, mails: await enqueueMail(trx, mails, now) };
    });
  }
}
