// Membership events recorded on a member's record: confirmation as full member, transfers (inside the
// system: a pending request the receiving cell decides; outside: recorded with its destination),
// temporary activity elsewhere and back, exemption, and the ways a member leaves. Each is one
// transaction: the event row with the status before and after, the member's new state and version,
// the cell span closed when the member leaves, and the audit row. History is only ever appended.
import type { MemberDetail, RecordMemberEventBody } from "@namro/contracts";
import { ACTIVE_MEMBER_STATUSES } from "@namro/contracts";
import { addMonths, normalizeText, PROBATION_MONTHS, todayInVietnam } from "@namro/domain";
import type { MemberStatus } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { invalid, lockForChange, rereadDetail, writeAtVersion } from "./members.record.ts";
import type { MemberWithOrg } from "./members.repository.ts";
import * as repo from "./members.repository.ts";
import { hasPendingTransfer } from "./members.transfers.repository.ts";

/** Events that end membership of a cell, with the status they leave the member in. */
const LEAVING: Partial<Record<RecordMemberEventBody["kind"], MemberStatus>> = {
  transfer_external: "transferred_out",
  death: "deceased",
  name_deletion: "name_deleted",
  expulsion: "expelled",
  leaving: "left",
};

const isActive = (status: MemberStatus) => (ACTIVE_MEMBER_STATUSES as readonly string[]).includes(status);

interface EventChanges {
  status?: MemberStatus;
  statusSince?: string;
  fullMemberOn?: string;
  activity?: "regular" | "temporary" | "exempt";
}

const optional = (value: string | null | undefined) => (value ? normalizeText(value) : null);

/** The status and activity changes of the event, or MEMBER_EVENT_NOT_ALLOWED for the current state. */
function plan(member: MemberWithOrg, body: RecordMemberEventBody): EventChanges {
  if (!isActive(member.status)) throw new AppError("MEMBER_EVENT_NOT_ALLOWED");
  const leavingStatus = LEAVING[body.kind];
  if (leavingStatus) return { status: leavingStatus, statusSince: body.occurredOn };
  switch (body.kind) {
    case "confirmation":
      if (member.status !== "probationary") throw new AppError("MEMBER_EVENT_NOT_ALLOWED");
      if (body.occurredOn < addMonths(member.admittedOn, PROBATION_MONTHS)) {
        throw invalid([{ path: "body.occurredOn", code: "MEMBER_PROBATION_TOO_SHORT" }]);
      }
      return { status: "full", statusSince: body.occurredOn, fullMemberOn: body.occurredOn };
    case "temporary_activity":
      if (member.activity === "temporary") throw new AppError("MEMBER_EVENT_NOT_ALLOWED");
      return { activity: "temporary" };
    case "regular_activity":
      if (member.activity === "regular") throw new AppError("MEMBER_EVENT_NOT_ALLOWED");
      return { activity: "regular" };
    case "exemption":
      if (member.activity === "exempt") throw new AppError("MEMBER_EVENT_NOT_ALLOWED");
      return { activity: "exempt" };
    case "transfer_internal":
      // The member stays in the sending cell until the receiving cell confirms.
      return {};
    default:
      throw new AppError("MEMBER_EVENT_NOT_ALLOWED");
  }
}

/** The receiving cell of an internal transfer: an active cell other than the current one. */
async function checkReceivingCell(trx: repo.Executor, member: MemberWithOrg, toOrgId: number) {
  if (toOrgId === member.orgId) throw invalid([{ path: "body.toOrgId", code: "MEMBER_TRANSFER_SAME_CELL" }]);
  const cell = await repo.findCellCandidate(trx, toOrgId);
  if (!cell?.active || !cell.holdsMembers) {
    throw invalid([{ path: "body.toOrgId", code: "MEMBER_ORG_NOT_A_CELL" }]);
  }
}

export async function recordMemberEvent(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  body: RecordMemberEventBody,
  audit: AuditContext,
): Promise<MemberDetail> {
  const today = todayInVietnam(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const member = await lockForChange(trx, actor, id, body.version);
    const changes = plan(member, body);
    const earliest = (await repo.latestHistoryDate(trx, id)) ?? member.admittedOn;
    if (body.occurredOn < member.admittedOn || body.occurredOn < earliest || body.occurredOn > today) {
      throw invalid([{ path: "body.occurredOn", code: "MEMBER_EVENT_DATE_INVALID" }]);
    }
    const transferPending = await hasPendingTransfer(trx, id);
    if (transferPending && (body.kind === "transfer_internal" || LEAVING[body.kind])) {
      throw new AppError("MEMBER_TRANSFER_PENDING");
    }
    if (body.kind === "transfer_internal") await checkReceivingCell(trx, member, body.toOrgId);
    const destination =
      body.kind === "transfer_external" || body.kind === "temporary_activity"
        ? normalizeText(body.destination)
        : null;
    const statusAfter = changes.status ?? member.status;
    await repo.insertEvent(trx, {
      memberId: id,
      kind: body.kind,
      occurredOn: body.occurredOn,
      state: body.kind === "transfer_internal" ? "pending" : "done",
      fromOrgId: member.orgId,
      toOrgId: body.kind === "transfer_internal" ? body.toOrgId : null,
      destination,
      decisionRef: optional(body.decisionRef),
      note: optional(body.note),
      statusBefore: member.status,
      statusAfter,
      recordedBy: actor.accountId,
    });
    if (LEAVING[body.kind]) await repo.closeOpenCell(trx, id, body.occurredOn);
    await writeAtVersion(trx, member, changes);
    await recordAudit(
      trx,
      audit,
      {
        action: "member.event",
        entityType: "member",
        entityId: id,
        orgId: member.orgId,
        before: { status: member.status, activity: member.activity },
        after: {
          kind: body.kind,
          occurredOn: body.occurredOn,
          status: statusAfter,
          activity: changes.activity ?? member.activity,
          ...(body.kind === "transfer_internal" ? { toOrgId: body.toOrgId } : {}),
          ...(destination ? { destination } : {}),
        },
      },
      deps.clock.now(),
    );
    return rereadDetail(trx, actor, id);
  });
}
