// SQL for notifications and their per-account read state. Every function takes the executor first.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface NewNotificationRow {
  orgId: number | null;
  accountId: number | null;
  kind: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  link: string | null;
  dedupeKey: string | null;
  createdBy: number | null;
  createdAt: Date;
}

/** Rows per INSERT (12 bind parameters each, well under PostgreSQL's 65,535). */
const INSERT_BATCH = 1000;

/**
 * Inserts the notifications; one whose dedupe key already exists is skipped. Returns the indexes (into
 * `rows`) of those inserted.
 */
export async function insertNotifications(
  executor: Executor,
  rows: readonly NewNotificationRow[],
): Promise<number[]> {
  const inserted: number[] = [];
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const result = await executor
      .insertInto("notifications")
      .values(batch.map((row) => ({ ...row })))
      .onConflict((oc) => oc.column("dedupeKey").doNothing())
      .returning(["dedupeKey", "id"])
      .execute();
    // Rows without a key are always inserted; a keyed row is matched back by its key, once (the same
    // key twice in one batch inserts the first only).
    const keys = new Set(result.flatMap((r) => (r.dedupeKey === null ? [] : [r.dedupeKey])));
    batch.forEach((row, index) => {
      if (row.dedupeKey === null || keys.delete(row.dedupeKey)) inserted.push(start + index);
    });
  }
  return inserted;
}

export interface InboxRow {
  id: number;
  kind: string;
  orgId: number | null;
  orgName: string | null;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxOptions {
  accountId: number;
  orgIds: readonly number[];
  unreadFirst: boolean;
  unreadOnly: boolean;
  limit: number;
  offset: number;
}

function inbox(executor: Executor, accountId: number, orgIds: readonly number[]) {
  return executor
    .selectFrom("notifications as n")
    .leftJoin("notificationReads as r", (join) =>
      join.onRef("r.notificationId", "=", "n.id").on("r.accountId", "=", accountId),
    )
    .where((eb) =>
      eb.or([eb("n.orgId", "in", orgIds.length > 0 ? [...orgIds] : [0]), eb("n.accountId", "=", accountId)]),
    );
}

export async function listInbox(executor: Executor, options: InboxOptions): Promise<InboxRow[]> {
  let query = inbox(executor, options.accountId, options.orgIds)
    .leftJoin("organisations as o", "o.id", "n.orgId")
    .select([
      "n.id",
      "n.kind",
      "n.orgId",
      "o.name as orgName",
      "n.titleVi",
      "n.titleEn",
      "n.bodyVi",
      "n.bodyEn",
      "n.link",
      "n.createdAt",
      "r.readAt",
    ]);
  if (options.unreadOnly) query = query.where("r.readAt", "is", null);
  if (options.unreadFirst) query = query.orderBy(sql`r.read_at IS NULL`, "desc");
  return query
    .orderBy("n.createdAt", "desc")
    .orderBy("n.id", "desc")
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export async function countInbox(
  executor: Executor,
  accountId: number,
  orgIds: readonly number[],
): Promise<{ total: number; unread: number }> {
  const row = await inbox(executor, accountId, orgIds)
    .select([
      sql<number>`count(*)::int`.as("total"),
      sql<number>`(count(*) FILTER (WHERE r.read_at IS NULL))::int`.as("unread"),
    ])
    .executeTakeFirstOrThrow();
  return { total: row.total, unread: row.unread };
}

export async function inboxHas(
  executor: Executor,
  accountId: number,
  orgIds: readonly number[],
  id: number,
): Promise<boolean> {
  const row = await inbox(executor, accountId, orgIds)
    .select("n.id")
    .where("n.id", "=", id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks the given notification read for the account (already read: unchanged). */
export async function markRead(executor: Executor, accountId: number, id: number, at: Date): Promise<void> {
  await executor
    .insertInto("notificationReads")
    .values({ notificationId: id, accountId, readAt: at })
    .onConflict((oc) => oc.columns(["notificationId", "accountId"]).doNothing())
    .execute();
}

/** Marks every unread notification of the inbox read; returns how many were marked. */
export async function markAllRead(
  executor: Executor,
  accountId: number,
  orgIds: readonly number[],
  at: Date,
): Promise<number> {
  const result = await executor
    .insertInto("notificationReads")
    .columns(["notificationId", "accountId", "readAt"])
    .expression(
      inbox(executor, accountId, orgIds)
        .where("r.readAt", "is", null)
        .select([
          "n.id",
          sql<number>`${accountId}::bigint`.as("accountId"),
          sql<Date>`${at}::timestamptz`.as("readAt"),
        ]),
    )
    .onConflict((oc) => oc.columns(["notificationId", "accountId"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
