// SQL of the e-mail outbox. Messages are written in the transaction that decides to send them (a
// dedupe key queues the same message once); the sender claims a batch of due ones by moving their next
// attempt past a lease (FOR UPDATE SKIP LOCKED, so two processes never claim the same row), sends
// outside any transaction, then marks each sent, due again later, or failed.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

type Executor = Kysely<Database> | Transaction<Database>;

export interface OutgoingMail {
  toAddress: string;
  subject: string;
  bodyText: string;
  /** The same key queues once; null: always queued. */
  dedupeKey: string | null;
}

export interface ClaimedMail {
  id: number;
  toAddress: string;
  subject: string;
  bodyText: string;
  /** Including the attempt just claimed. */
  attempts: number;
}

/** Rows per INSERT (4 parameters each). */
const INSERT_BATCH = 1000;

/** Queues the messages (a key already queued is skipped); returns how many were queued. */
export async function enqueueMail(
  executor: Executor,
  messages: readonly OutgoingMail[],
  now: Date,
): Promise<number> {
  let queued = 0;
  for (let start = 0; start < messages.length; start += INSERT_BATCH) {
    const batch = messages.slice(start, start + INSERT_BATCH);
    const result = await executor
      .insertInto("emailOutbox")
      .values(batch.map((message) => ({ ...message, nextAttemptAt: now, createdAt: now })))
      .onConflict((oc) => oc.column("dedupeKey").doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return queued;
}

/** Claims up to `limit` due messages for `leaseMs`; a claim not settled by then is due again. */
export async function claimDueMail(
  db: Kysely<Database>,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedMail[]> {
  const leaseEnd = new Date(now.getTime() + leaseMs);
  const result = await sql<ClaimedMail>`
    UPDATE email_outbox o SET attempts = o.attempts + 1, next_attempt_at = ${leaseEnd}
    WHERE o.id IN (
      SELECT id FROM email_outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o.to_address AS "toAddress", o.subject, o.body_text AS "bodyText", o.attempts`.execute(
    db,
  );
  // RETURNING keeps no order: oldest first, so the one tried when the server is down is the oldest.
  return result.rows.map((row) => ({ ...row, id: Number(row.id) })).sort((a, b) => a.id - b.id);
}

export async function markMailSent(db: Kysely<Database>, id: number, at: Date): Promise<void> {
  await db
    .updateTable("emailOutbox")
    .set({ status: "sent", sentAt: at, lastError: null })
    .where("id", "=", id)
    .execute();
}

/** A failed attempt: due again at `retryAt`, or failed for good when `retryAt` is null. */
export async function markMailAttemptFailed(
  db: Kysely<Database>,
  id: number,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable("emailOutbox")
    .set(
      retryAt === null
        ? { status: "failed", lastError: error }
        : { nextAttemptAt: retryAt, lastError: error },
    )
    .where("id", "=", id)
    .execute();
}

/**
 * Gives claimed messages back unsent, as if never claimed: the attempt counted at the claim is undone,
 * and they are due at `dueAt` (the server was down; `error` says so to whoever looks).
 */
export async function releaseMailClaims(
  db: Kysely<Database>,
  ids: readonly number[],
  error: string,
  dueAt: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("emailOutbox")
    .set({ attempts: sql`attempts - 1`, nextAttemptAt: dueAt, lastError: error })
    .where("id", "in", ids)
    .execute();
}

/** Removes messages sent before `before` (their notices keep the dedupe keys); returns how many. */
export async function deleteSentMailBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("emailOutbox")
    .where("status", "=", "sent")
    .where("sentAt", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
