// The e-mail sender's run: claims due messages in batches, sends each through SMTP outside any
// transaction (PGlite has one connection; a slow mail server must not hold it), and settles each one:
// sent; or due again after a growing pause (1, 2, 4 … minutes, at most an hour); or failed after
// MAX_ATTEMPTS. A process that dies mid-send leaves its claim to expire, and the message is sent again:
// e-mail is at-least-once, the in-app notification at-most-once.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import * as outbox from "./mail-outbox.repository.ts";
import type { MailSender } from "./mail-sender.ts";

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;
/** Longer than one SMTP attempt may take (three 20 s timeouts). */
const LEASE_MS = 5 * 60_000;
const BATCH = 50;
/** At most this many messages per run; the rest wait for the next run. */
const MAX_PER_RUN = 500;

/** Sent messages are kept this long (to look into a complaint), then removed; failed ones stay. */
export const SENT_KEPT_DAYS = 30;

export interface DispatchResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The pause after the given failed attempt (1-based). */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_RETRY_MS);
}

/** nodemailer's codes for a server that cannot be reached or refuses us: no use trying the next message. */
const SERVER_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ECONNREFUSED"]);

function isServerError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && SERVER_ERRORS.has(code);
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

export async function dispatchOutbox(
  db: Kysely<Database>,
  sender: MailSender,
  now: () => Date,
  options: { maxPerRun?: number } = {},
): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
  const maxPerRun = options.maxPerRun ?? MAX_PER_RUN;
  let handled = 0;
  // Once the server is down, the rest of the claimed batch is not tried: those claims are released
  // without counting an attempt (an outage must not use up their attempts), due when the message that
  // found the server down is tried again.
  let serverDown = false;
  while (handled < maxPerRun && !serverDown) {
    const claimed = await outbox.claimDueMail(db, now(), Math.min(BATCH, maxPerRun - handled), LEASE_MS);
    if (claimed.length === 0) break;
    handled += claimed.length;
    for (const [index, mail] of claimed.entries()) {
      try {
        await sender.send({ to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
        await outbox.markMailSent(db, mail.id, now());
        result.sent += 1;
      } catch (error) {
        const last = mail.attempts >= MAX_ATTEMPTS;
        const retryAt = last ? null : new Date(now().getTime() + retryDelayMs(mail.attempts));
        await outbox.markMailAttemptFailed(db, mail.id, describe(error), retryAt);
        if (last) result.failed += 1;
        else result.retried += 1;
        if (isServerError(error)) {
          serverDown = true;
          const dueAt = retryAt ?? new Date(now().getTime() + FIRST_RETRY_MS);
          const untried = claimed.slice(index + 1).map((other) => other.id);
          await outbox.releaseMailClaims(db, untried, describe(error), dueAt);
          result.retried += untried.length;
          break;
        }
      }
    }
  }
  await outbox.deleteSentMailBefore(db, new Date(now().getTime() - SENT_KEPT_DAYS * 86_400_000));
  return result;
}
