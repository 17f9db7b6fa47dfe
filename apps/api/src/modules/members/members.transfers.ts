// Transfers of Party activity inside the system, after the sending cell has recorded one (a pending
// transfer_internal event): the receiving cell confirms (the member moves: the old cell span closes on
// the effective date, a new one opens in the receiving cell) or refuses; the sending cell may cancel
// while it is pending. Each decision is one transaction with its audit row.
import type { AuditAction, MemberTransfer } from "@namro/contracts";
import { normalizeText, todayInVietnam } from "@namro/domain";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { scopePaths } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { mayManageMemberIn, mayReadMemberIn } from "./members.policy.ts";
import { presentTransfer } from "./members.presenter.ts";
import { invalid } from "./members.record.ts";
import * as repo from "./members.repository.ts";
import type { TransferRow } from "./members.transfers.repository.ts";
import * as transfersRepo from "./members.transfers.repository.ts";

export interface TransferDecision {
  effectiveOn?: string | undefined;
  note?: string | null | undefined;
}

function flags(actor: Actor, row: TransferRow) {
  return {
    canDecide: row.state === "pending" && mayManageMemberIn(actor, row.toOrgPath),
    canCancel: row.state === "pending" && mayManageMemberIn(actor, row.fromOrgPath),
  };
}

/** Pending transfers into (incoming) and out of (outgoing) cells the actor manages, optionally under `orgId`. */
export async function listTransfers(
  deps: ServiceDeps,
  actor: Actor,
  orgId?: number,
): Promise<{ incoming: MemberTransfer[]; outgoing: MemberTransfer[] }> {
  let paths = scopePaths(actor, "member.manage");
  if (orgId !== undefined) {
    const [org] = await repo.findOrgsByIds(deps.db, [orgId]);
    if (!org || !mayReadMemberIn(actor, org.path)) throw new AppError("ORG_NOT_FOUND");
    paths = mayManageMemberIn(actor, org.path) ? [org.path] : [];
  }
  const [incoming, outgoing] = await Promise.all([
    transfersRepo.listPendingTransfers(deps.db, "to", paths),
    transfersRepo.listPendingTransfers(deps.db, "from", paths),
  ]);
  return {
    incoming: incoming.map((row) => presentTransfer(row, flags(actor, row))),
    outgoing: outgoing.map((row) => presentTransfer(row, flags(actor, row))),
  };
}

type Side = "receiving" | "sending";

/**
 * Locks the transfer and checks the actor decides it from `side`. Not visible from either side: 404;
 * visible but from the other side: 403; no longer pending: MEMBER_TRANSFER_DECIDED.
 */
async function lockPending(
  trx: repo.Executor,
  actor: Actor,
  eventId: number,
  side: Side,
): Promise<TransferRow> {
  await transfersRepo.lockTransfer(trx, eventId);
  const row = await transfersRepo.findTransfer(trx, eventId);
  if (!row || !(mayReadMemberIn(actor, row.toOrgPath) || mayReadMemberIn(actor, row.fromOrgPath))) {
    throw new AppError("MEMBER_TRANSFER_NOT_FOUND");
  }
  if (!mayManageMemberIn(actor, side === "receiving" ? row.toOrgPath : row.fromOrgPath)) {
    throw new AppError("ACCESS_DENIED");
  }
  if (row.state !== "pending") throw new AppError("MEMBER_TRANSFER_DECIDED");
  return row;
}

async function audited(
  deps: ServiceDeps,
  trx: repo.Executor,
  audit: AuditContext,
  action: AuditAction,
  row: TransferRow,
  after: Record<string, unknown>,
) {
  await recordAudit(
    trx,
    audit,
    {
      action,
      entityType: "member",
      entityId: row.memberId,
      orgId: action === "member.transfer_cancel" ? row.fromOrgId : row.toOrgId,
      before: { eventId: row.eventId, state: "pending", fromOrgId: row.fromOrgId, toOrgId: row.toOrgId },
      after,
    },
    deps.clock.now(),
  );
}

const noteOf = (body: TransferDecision) => (body.note ? normalizeText(body.note) : null);

/** The receiving cell confirms: the member moves on `effectiveOn` (default: the sending date). */
export async function confirmTransfer(
  deps: ServiceDeps,
  actor: Actor,
  eventId: number,
  body: TransferDecision,
  audit: AuditContext,
): Promise<{ ok: true }> {
  const today = todayInVietnam(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockPending(trx, actor, eventId, "receiving");
    const member = await repo.findMemberForUpdate(trx, row.memberId);
    if (!member) throw new AppError("MEMBER_TRANSFER_NOT_FOUND");
    const effectiveOn = body.effectiveOn ?? row.occurredOn;
    const open = await repo.findOpenCell(trx, member.id);
    if (!open || open.orgId !== row.fromOrgId) throw new AppError("MEMBER_EVENT_NOT_ALLOWED");
    if (effectiveOn < row.occurredOn || effectiveOn < open.validFrom || effectiveOn > today) {
      throw invalid([{ path: "body.effectiveOn", code: "MEMBER_EVENT_DATE_INVALID" }]);
    }
    const cell = await repo.findCellCandidate(trx, row.toOrgId);
    if (!cell?.active || !cell.holdsMembers) throw new AppError("MEMBER_ORG_NOT_A_CELL");
    await repo.closeOpenCell(trx, member.id, effectiveOn);
    await repo.openCell(trx, { memberId: member.id, orgId: row.toOrgId, validFrom: effectiveOn, eventId });
    await transfersRepo.decideTransfer(trx, eventId, {
      state: "done",
      decidedBy: actor.accountId,
      note: noteOf(body),
    });
    const written = await repo.updateMemberAtVersion(trx, member.id, member.version, { orgId: row.toOrgId });
    if (!written) throw new AppError("MEMBER_VERSION_CONFLICT");
    await audited(deps, trx, audit, "member.transfer_confirm", row, {
      eventId,
      state: "done",
      orgId: row.toOrgId,
      effectiveOn,
    });
    return { ok: true as const };
  });
}

async function close(
  deps: ServiceDeps,
  actor: Actor,
  eventId: number,
  body: TransferDecision,
  audit: AuditContext,
  side: Side,
): Promise<{ ok: true }> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockPending(trx, actor, eventId, side);
    const state = side === "receiving" ? "refused" : "cancelled";
    await transfersRepo.decideTransfer(trx, eventId, {
      state,
      decidedBy: actor.accountId,
      note: noteOf(body),
    });
    const member = await repo.findMemberForUpdate(trx, row.memberId);
    if (member) await repo.updateMemberAtVersion(trx, member.id, member.version, {});
    await audited(
      deps,
      trx,
      audit,
      side === "receiving" ? "member.transfer_refuse" : "member.transfer_cancel",
      row,
      { eventId, state },
    );
    return { ok: true as const };
  });
}

export function refuseTransfer(
  deps: ServiceDeps,
  actor: Actor,
  eventId: number,
  body: TransferDecision,
  audit: AuditContext,
) {
  return close(deps, actor, eventId, body, audit, "receiving");
}

export function cancelTransfer(
  deps: ServiceDeps,
  actor: Actor,
  eventId: number,
  body: TransferDecision,
  audit: AuditContext,
) {
  return close(deps, actor, eventId, body, audit, "sending");
}
