// The commit of a member import, inside the caller's transaction: claims the import, creates the new
// members, updates the matched ones (refusing the whole commit when one changed since the preview), and
// writes one audit row per updated member and one for the import. Every accepted row lands, or none.
import { checkMemberRecord } from "@namro/domain";
import { type AuditContext, recordAudit, recordAudits } from "../../platform/audit/audit-writer.ts";
import { AppError } from "../../platform/errors.ts";
import type { ImportColumn } from "./members.import.reader.ts";
import {
  countRows,
  countSkippedRows,
  type Db,
  type ExistingMember,
  findImport,
  insertMembers,
  membersByIdForUpdate,
  type NewMemberRow,
  rowsToCommit,
  updateImport,
  updateImportIf,
  updateMembers,
} from "./members.import.repository.ts";
import {
  changedMember,
  MEMBER_FIELDS,
  memberRowOf,
  newMemberRowOf,
  type RowRecord,
  SENSITIVE,
} from "./members.import.validation.ts";

export interface CommitInput {
  id: number;
  fileName: string;
  /** Today in Vietnam: the date of each member's 'import' event and of the record checks. */
  today: string;
  now: Date;
  accountId: number | null;
  /** Whether the committing actor may write citizen ID, religion and discipline. */
  canSetSensitive: boolean;
  audit: AuditContext;
  /** Rows per statement. */
  batchSize: number;
}

export type CommitResult = Record<"created" | "updated" | "unchanged" | "skipped" | "rejected", number>;

/** Why an import that is no longer ready cannot be changed or committed. */
export async function notEditableError(db: Db, id: number): Promise<AppError> {
  const now = await findImport(db, id);
  return new AppError(now?.status === "committed" ? "MEMBER_IMPORT_COMMITTED" : "MEMBER_IMPORT_NOT_READY");
}

export async function commitImportRows(trx: Db, input: CommitInput): Promise<CommitResult> {
  const { id, today, canSetSensitive, audit } = input;
  const event = { occurredOn: today, accountId: input.accountId, note: `Nhập từ tệp ${input.fileName}` };
  const result: CommitResult = { created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0 };
  const stale = () => new AppError("MEMBER_IMPORT_STALE");
  // Claimed inside the transaction: a second commit waits on the row, then finds it taken
  // (a rollback gives the import back as ready).
  if (!(await updateImportIf(trx, id, "ready", { status: "committing" }))) {
    throw await notEditableError(trx, id);
  }
  // Read again under the claim: a mapping or decision changed since the caller read the import is what
  // the rows hold.
  const stored = await findImport(trx, id);
  if (!stored) throw await notEditableError(trx, id);
  const columns = stored.mapping as ImportColumn[];

  // New members, one statement per batch. The next batch is asked for before this one is built, and
  // the insert is not awaited before the next batch is built: the statements queue on the transaction's
  // connection in order while this process builds rows (sort keys, JSON) as the database writes them.
  let writing: Promise<void> = Promise.resolve();
  let reading = rowsToCommit(trx, id, 0, input.batchSize, ["create"]);
  try {
    for (;;) {
      const rows = await reading;
      if (rows.length === 0) break;
      reading = rowsToCommit(trx, id, rows[rows.length - 1]?.rowNumber ?? 0, input.batchSize, ["create"]);
      reading.catch(() => undefined);
      const members = rows.map((row) => {
        const record = row.record as RowRecord;
        const values = { ...record.values } as Record<string, string | null>;
        if (!canSetSensitive) for (const field of SENSITIVE) delete values[field];
        return newMemberRowOf(
          record.orgId as number,
          values as never,
          values.fullMemberOn ? "full" : "probationary",
        );
      });
      await writing;
      writing = insertMembers(trx, members, event);
      writing.catch(() => undefined);
      result.created += members.length;
    }
  } finally {
    await reading.catch(() => undefined);
    await writing.catch(() => undefined);
  }
  await writing;

  for (let after = 0; ; ) {
    const rows = await rowsToCommit(trx, id, after, input.batchSize, ["update", "merge", "unchanged"]);
    if (rows.length === 0) break;
    const existing = new Map(
      (
        await membersByIdForUpdate(
          trx,
          rows.map((r) => r.matchMemberId as number),
        )
      ).map((m) => [m.id, m]),
    );
    const updates: (NewMemberRow & { version: number })[] = [];
    const audits: {
      id: number;
      orgId: number;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }[] = [];
    const touched = new Set<number>();
    for (const row of rows) {
      const member = existing.get(row.matchMemberId as number);
      const record = row.record as RowRecord;
      // Changed (or deleted) since the preview: the preview no longer says what would happen.
      if (!member || (record.matchVersion != null && member.version !== record.matchVersion)) {
        throw stale();
      }
      const decision = row.decision ?? stored.matchDecision;
      if (decision === "skip" || touched.has(member.id)) {
        result.skipped++;
        continue;
      }
      const allowed = canSetSensitive ? record : { ...record, keep: [...record.keep, ...SENSITIVE] };
      const next = changedMember(member, allowed, decision, columns);
      if (!next) {
        result.unchanged++;
        continue;
      }
      // The member may have changed since the preview: the merged record must still be valid.
      const broken = checkMemberRecord(next, today);
      if (broken.length > 0) {
        throw new AppError(broken[0]?.code ?? "VALIDATION_FAILED", {
          issues: [{ path: `row.${row.rowNumber}`, message: `Dòng ${row.rowNumber}` }],
        });
      }
      touched.add(member.id);
      updates.push({
        ...memberRowOf(member.id, member.orgId, next, member.status),
        // The version the preview saw: the write itself refuses a member changed since.
        version: record.matchVersion ?? member.version,
      });
      audits.push({ id: member.id, orgId: member.orgId, ...fieldChanges(member, next) });
    }
    if ((await updateMembers(trx, updates, event)) !== updates.length) throw stale();
    // One audit row per changed member, with what changed: hash-chained in order, written in bulk.
    await recordAudits(
      trx,
      audit,
      audits.map((entry) => ({
        action: "member.update" as const,
        entityType: "member" as const,
        entityId: entry.id,
        orgId: entry.orgId,
        before: entry.before,
        after: entry.after,
      })),
      input.now,
    );
    result.updated += updates.length;
    after = rows[rows.length - 1]?.rowNumber ?? after;
  }

  const counts = await countRows(trx, id);
  result.rejected = counts.rejected ?? 0;
  result.skipped += await countSkippedRows(trx, id);

  await recordAudit(
    trx,
    audit,
    {
      action: "member.import",
      entityType: "member_import",
      entityId: id,
      orgId: stored.orgId,
      after: { fileName: stored.fileName, sha256: stored.sha256, ...result },
    },
    input.now,
  );
  await updateImport(trx, id, { status: "committed", progress: 1, result, committedAt: input.now });
  return result;
}

/** The fields an import changed on a member, before and after (for its audit row). */
function fieldChanges(
  before: ExistingMember,
  after: ExistingMember,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const field of MEMBER_FIELDS) {
    if ((before[field] ?? null) !== (after[field] ?? null)) {
      diff.before[field] = before[field] ?? null;
      diff.after[field] = after[field] ?? null;
    }
  }
  return diff;
}
