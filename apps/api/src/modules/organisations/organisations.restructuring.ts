// Restructuring use cases: create, rename, move, merge, split, dissolve. Each is one transaction that
// records the event, closes and opens versions, updates current state and paths, and writes the audit
// row; any refusal throws before commit, so a refused change leaves nothing behind.
import type {
  AuditAction,
  CreateOrgBodySchema,
  DissolveOrgBodySchema,
  ErrorCode,
  MergeOrgsBodySchema,
  MoveOrgBodySchema,
  OrgSummary,
  RenameOrgBodySchema,
  SplitOrgBodySchema,
} from "@namro/contracts";
import { normalizeText, todayInVietnam } from "@namro/domain";
import type { Transaction } from "kysely";
import type { z } from "zod";
import type { Database, OrganisationRow, OrgEventRow } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import * as typesRepo from "./organisations.org-types.repository.ts";
import { isVisibleIn, mayChange, mayCreateRoot, mayPlaceUnder, readPaths } from "./organisations.policy.ts";
import { auditSnapshot, presentSummary } from "./organisations.presenter.ts";
import * as repo from "./organisations.repository.ts";
import { ancestorIds, latestDate } from "./organisations.tree.ts";

export type CreateOrgInput = z.infer<typeof CreateOrgBodySchema>;
export type RenameOrgInput = z.infer<typeof RenameOrgBodySchema>;
export type MoveOrgInput = z.infer<typeof MoveOrgBodySchema>;
export type MergeOrgsInput = z.infer<typeof MergeOrgsBodySchema>;
export type SplitOrgInput = z.infer<typeof SplitOrgBodySchema>;
export type DissolveOrgInput = z.infer<typeof DissolveOrgBodySchema>;

export interface RestructureResult {
  eventId: number;
  organisations: OrgSummary[];
}

type Trx = Transaction<Database>;

interface Basis {
  effectiveDate: string;
  reason?: string | undefined;
  decisionRef?: string | undefined;
}

/** A 400 with one field issue; the message is a catalogue code the HTTP layer translates. */
function invalid(path: string, code: ErrorCode): AppError {
  return new AppError("VALIDATION_FAILED", { issues: [{ path, message: code }] });
}

/** The legal basis and the effective date, checked before anything is read. */
function checkBasis(deps: ServiceDeps, basis: Basis) {
  const reason = basis.reason?.trim() ? normalizeText(basis.reason) : null;
  const decisionRef = basis.decisionRef?.trim() ? normalizeText(basis.decisionRef) : null;
  if (!reason && !decisionRef) throw invalid("body.reason", "ORG_BASIS_REQUIRED");
  if (basis.effectiveDate > todayInVietnam(deps.clock.now())) throw new AppError("ORG_DATE_IN_FUTURE");
  return { effectiveDate: basis.effectiveDate, reason, decisionRef };
}

/**
 * Locks the organisations and checks the actor may restructure them: the `changed` ones themselves
 * (decided one level up), the others as places that receive units. Outside the read scope they do not
 * exist (404); readable but not restructurable is 403.
 */
async function loadForChange(
  trx: Trx,
  actor: Actor,
  changed: number[],
  receiving: number[] = [],
): Promise<Map<number, OrganisationRow>> {
  const unique = [...new Set([...changed, ...receiving])];
  const rows = await repo.findOrganisationsForUpdate(trx, unique);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const paths = readPaths(actor);
  for (const id of unique) {
    const row = byId.get(id);
    if (!row || !isVisibleIn(paths, row.path)) throw new AppError("ORG_NOT_FOUND");
  }
  const changedIds = new Set(changed);
  for (const row of rows) {
    const allowed = changedIds.has(row.id) ? mayChange(actor, row.path) : mayPlaceUnder(actor, row.path);
    if (!allowed) throw new AppError("ACCESS_DENIED");
  }
  return byId;
}

function get(map: Map<number, OrganisationRow>, id: number): OrganisationRow {
  const row = map.get(id);
  if (!row) throw new AppError("ORG_NOT_FOUND");
  return row;
}

function requireActive(...rows: OrganisationRow[]): void {
  if (rows.some((row) => row.status !== "active")) throw new AppError("ORG_CLOSED");
}

function requireVersion(row: OrganisationRow, version: number): void {
  if (row.version !== version) throw new AppError("CONFLICT_STALE_VERSION");
}

async function requireType(trx: Trx, typeCode: string): Promise<void> {
  if (!(await typesRepo.orgTypeExists(trx, typeCode))) throw new AppError("ORG_TYPE_UNKNOWN");
}

async function requireChildType(trx: Trx, parentType: string, childType: string): Promise<void> {
  if (!(await typesRepo.isChildTypeAllowed(trx, parentType, childType)))
    throw new AppError("ORG_TYPE_NOT_ALLOWED");
}

async function requireFreeCodes(trx: Trx, codes: (string | undefined)[]): Promise<void> {
  const given = codes.filter((code): code is string => code !== undefined);
  if (new Set(given).size !== given.length) throw new AppError("ORG_CODE_TAKEN");
  for (const code of given) if (await repo.codeExists(trx, code)) throw new AppError("ORG_CODE_TAKEN");
}

/**
 * The effective date may not precede the latest version of any organisation whose state it relies on
 * (the changed ones, the new parent and its whole current chain, re-parented units), nor, for an
 * organisation that closes, the departure of a unit that sat under it.
 */
async function requireDateAfterExistence(
  trx: Trx,
  date: string,
  orgIds: number[],
  closingIds: number[] = [],
): Promise<void> {
  const latest = latestDate([
    await repo.latestVersionStart(trx, [...new Set(orgIds)]),
    await repo.latestChildVersionEnd(trx, closingIds),
  ]);
  if (latest !== null && date < latest) throw new AppError("ORG_DATE_BEFORE_EXISTENCE");
}

/** The new parent and all its current ancestors. */
function chainOf(parent: OrganisationRow): number[] {
  return [parent.id, ...ancestorIds(parent.path)];
}

function isInside(row: OrganisationRow, ancestor: OrganisationRow): boolean {
  return row.path === ancestor.path || row.path.startsWith(`${ancestor.path}.`);
}

async function openEvent(
  deps: ServiceDeps,
  trx: Trx,
  kind: OrgEventRow["kind"],
  basis: ReturnType<typeof checkBasis>,
  audit: AuditContext,
): Promise<number> {
  return repo.insertEvent(trx, {
    kind,
    effectiveDate: basis.effectiveDate,
    reason: basis.reason,
    decisionRef: basis.decisionRef,
    actorId: audit.actorId,
    recordedAt: deps.clock.now(),
  });
}

async function summaries(trx: Trx, ids: number[]): Promise<OrgSummary[]> {
  const rows = await repo.findOrganisationsByIds(trx, ids);
  const counts = await repo.countActiveChildren(trx, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [presentSummary(row, counts.get(id) ?? 0)] : [];
  });
}

async function reread(trx: Trx, ids: number[]) {
  return (await repo.findOrganisationsByIds(trx, ids)).map(auditSnapshot);
}

/**
 * The end of every change to a single organisation: its part in the event, the audit row with its
 * state before and as it is now, and the result.
 */
async function finishSingleChange(
  deps: ServiceDeps,
  trx: Trx,
  audit: AuditContext,
  action: AuditAction,
  before: OrganisationRow,
  eventId: number,
  details: Record<string, string | null>,
): Promise<RestructureResult> {
  await repo.insertEventPart(trx, { eventId, orgId: before.id, role: "subject", details });
  await recordAudit(
    trx,
    audit,
    {
      action,
      entityType: "organisation",
      entityId: before.id,
      orgId: before.id,
      before: auditSnapshot(before),
      after: (await reread(trx, [before.id]))[0],
    },
    deps.clock.now(),
  );
  return { eventId, organisations: await summaries(trx, [before.id]) };
}

/**
 * Runs a restructuring in one transaction, one restructuring at a time (they rewrite subtree paths);
 * a duplicate code raced in answers ORG_CODE_TAKEN.
 */
async function inTransaction<T>(deps: ServiceDeps, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await repo.lockTreeForRestructuring(trx);
      return work(trx);
    });
  } catch (error) {
    const pgError = error as { code?: string; constraint?: string };
    if (pgError.code === "23505" && pgError.constraint === "organisations_code_key") {
      throw new AppError("ORG_CODE_TAKEN");
    }
    throw error;
  }
}

/** Re-parents units to `target` from `date`, with their whole subtrees' paths. */
async function reparent(
  trx: Trx,
  children: OrganisationRow[],
  target: OrganisationRow,
  date: string,
  eventId: number,
  oldParentName: (child: OrganisationRow) => string,
): Promise<void> {
  for (const child of children) {
    await repo.changeVersion(trx, child.id, date, { parentId: target.id }, eventId);
    await repo.rewriteSubtreePaths(trx, child.path, `${target.path}.${child.id}`);
    await repo.insertEventPart(trx, {
      eventId,
      orgId: child.id,
      role: "moved_child",
      details: { oldParent: oldParentName(child), newParent: target.name },
    });
  }
}

// ---- use cases ---------------------------------------------------------------------------------

export async function createOrg(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateOrgInput,
  audit: AuditContext,
): Promise<RestructureResult> {
  const basis = checkBasis(deps, input);
  return inTransaction(deps, async (trx) => {
    let parent: OrganisationRow | null = null;
    if (input.parentId === null) {
      if (!mayCreateRoot(actor)) throw new AppError("ORG_ROOT_NOT_ALLOWED");
    } else {
      parent = get(await loadForChange(trx, actor, [], [input.parentId]), input.parentId);
      requireActive(parent);
    }
    await requireType(trx, input.typeCode);
    if (parent) {
      await requireChildType(trx, parent.typeCode, input.typeCode);
      await requireDateAfterExistence(trx, basis.effectiveDate, chainOf(parent));
    }
    return insertNewOrganisation(deps, trx, basis, input, parent, audit);
  });
}

/** Creates an organisation (code checked free) with its create event, event part and audit row. */
async function insertNewOrganisation(
  deps: ServiceDeps,
  trx: Trx,
  basis: ReturnType<typeof checkBasis>,
  input: CreateOrgInput,
  parent: OrganisationRow | null,
  audit: AuditContext,
): Promise<RestructureResult> {
  await requireFreeCodes(trx, [input.code]);
  const eventId = await openEvent(deps, trx, "create", basis, audit);
  const row = await repo.insertOrganisation(trx, {
    code: input.code ?? null,
    name: normalizeText(input.name),
    typeCode: input.typeCode,
    parentId: parent?.id ?? null,
    validFrom: basis.effectiveDate,
    eventId,
  });
  await repo.insertEventPart(trx, {
    eventId,
    orgId: row.id,
    role: "subject",
    details: { newName: row.name, newParent: parent?.name ?? null },
  });
  await recordAudit(
    trx,
    audit,
    {
      action: "org.create",
      entityType: "organisation",
      entityId: row.id,
      orgId: row.id,
      after: auditSnapshot(row),
    },
    deps.clock.now(),
  );
  return { eventId, organisations: await summaries(trx, [row.id]) };
}

/**
 * The first organisation of an empty installation (`namro init`): nobody holds a role yet, so no
 * actor could be allowed to create it. Refused once any organisation exists.
 */
export async function createFirstRoot(
  deps: ServiceDeps,
  input: Omit<CreateOrgInput, "parentId">,
  audit: AuditContext,
): Promise<RestructureResult> {
  const rootInput: CreateOrgInput = { ...input, parentId: null };
  const basis = checkBasis(deps, rootInput);
  return inTransaction(deps, async (trx) => {
    if (await repo.anyOrganisationExists(trx)) throw new AppError("ORG_INSTALLATION_NOT_EMPTY");
    await requireType(trx, input.typeCode);
    return insertNewOrganisation(deps, trx, basis, rootInput, null, audit);
  });
}

export async function renameOrg(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  input: RenameOrgInput,
  audit: AuditContext,
): Promise<RestructureResult> {
  const basis = checkBasis(deps, input);
  return inTransaction(deps, async (trx) => {
    const org = get(await loadForChange(trx, actor, [id]), id);
    requireActive(org);
    requireVersion(org, input.version);
    await requireDateAfterExistence(trx, basis.effectiveDate, [org.id]);
    const name = normalizeText(input.name);
    const eventId = await openEvent(deps, trx, "rename", basis, audit);
    await repo.changeVersion(trx, org.id, basis.effectiveDate, { name }, eventId);
    return finishSingleChange(deps, trx, audit, "org.rename", org, eventId, {
      oldName: org.name,
      newName: name,
    });
  });
}

export async function moveOrg(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  input: MoveOrgInput,
  audit: AuditContext,
): Promise<RestructureResult> {
  const basis = checkBasis(deps, input);
  return inTransaction(deps, async (trx) => {
    const rows = await loadForChange(trx, actor, [id], [input.newParentId]);
    const org = get(rows, id);
    const parent = get(rows, input.newParentId);
    requireActive(org, parent);
    requireVersion(org, input.version);
    if (isInside(parent, org)) throw new AppError("ORG_MOVE_CYCLE");
    if (org.parentId === parent.id) {
      throw invalid("body.newParentId", "ORG_ALREADY_UNDER_PARENT");
    }
    await requireChildType(trx, parent.typeCode, org.typeCode);
    await requireDateAfterExistence(trx, basis.effectiveDate, [org.id, ...chainOf(parent)]);
    const oldParentName =
      org.parentId === null ? null : ((await repo.findOrganisation(trx, org.parentId))?.name ?? null);
    const eventId = await openEvent(deps, trx, "move", basis, audit);
    await repo.changeVersion(trx, org.id, basis.effectiveDate, { parentId: parent.id }, eventId);
    await repo.rewriteSubtreePaths(trx, org.path, `${parent.path}.${org.id}`);
    return finishSingleChange(deps, trx, audit, "org.move", org, eventId, {
      oldParent: oldParentName,
      newParent: parent.name,
    });
  });
}

export async function dissolveOrg(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  input: DissolveOrgInput,
  audit: AuditContext,
): Promise<RestructureResult> {
  const basis = checkBasis(deps, input);
  return inTransaction(deps, async (trx) => {
    const org = get(await loadForChange(trx, actor, [id]), id);
    requireActive(org);
    requireVersion(org, input.version);
    if ((await repo.listActiveChildren(trx, org.id)).length > 0)
      throw new AppError("ORG_HAS_ACTIVE_CHILDREN");
    await requireDateAfterExistence(trx, basis.effectiveDate, [org.id], [org.id]);
    const eventId = await openEvent(deps, trx, "dissolve", basis, audit);
    await repo.closeOrganisation(trx, org.id, basis.effectiveDate, "dissolved");
    return finishSingleChange(deps, trx, audit, "org.dissolve", org, eventId, { oldName: org.name });
  });
}

export async function mergeOrgs(
  deps: ServiceDeps,
  actor: Actor,
  input: MergeOrgsInput,
  audit: AuditContext,
): Promise<RestructureResult> {
  const basis = checkBasis(deps, input);
  const sourceIds = input.sourceIds;
  const existingId = "existingId" in input.target ? input.target.existingId : null;
  const newTarget = "existingId" in input.target ? null : input.target;
  const sourcesValid =
    new Set(sourceIds).size === sourceIds.length &&
    (existingId === null ? sourceIds.length >= 2 : !sourceIds.includes(existingId));
  if (!sourcesValid) throw new AppError("ORG_MERGE_SOURCES_INVALID");
  return inTransaction(deps, async (trx) => {
    const anchorId = existingId ?? (newTarget as { parentId: number }).parentId;
    const rows = await loadForChange(trx, actor, sourceIds, [anchorId]);
    const sources = sourceIds.map((sourceId) => get(rows, sourceId));
    const anchor = get(rows, anchorId);
    requireActive(...sources, anchor);
    for (const expected of input.expectedVersions ?? []) {
      const row = rows.get(expected.id);
      if (row) requireVersion(row, expected.version);
    }
    // No source inside another, and the target (or its parent) not inside a source.
    for (const source of sources) {
      if (isInside(anchor, source)) throw new AppError("ORG_MERGE_SOURCES_INVALID");
      for (const other of sources)
        if (other !== source && isInside(other, source)) {
          throw new AppError("ORG_MERGE_SOURCES_INVALID");
        }
    }
    const targetType = newTarget ? newTarget.typeCode : anchor.typeCode;
    if (newTarget) {
      await requireType(trx, newTarget.typeCode);
      await requireChildType(trx, anchor.typeCode, newTarget.typeCode);
    }
    const children = (await Promise.all(sources.map((s) => repo.listActiveChildren(trx, s.id)))).flat();
    for (const child of children) await requireChildType(trx, targetType, child.typeCode);
    await requireDateAfterExistence(
      trx,
      basis.effectiveDate,
      [...sourceIds, ...chainOf(anchor), ...children.map((c) => c.id)],
      sourceIds,
    );
    if (newTarget) await requireFreeCodes(trx, [newTarget.code]);

    const eventId = await openEvent(deps, trx, "merge", basis, audit);
    const target = newTarget
      ? await repo.insertOrganisation(trx, {
          code: newTarget.code ?? null,
          name: normalizeText(newTarget.name),
          typeCode: newTarget.typeCode,
          parentId: anchor.id,
          validFrom: basis.effectiveDate,
          eventId,
        })
      : anchor;
    const sourceName = new Map(sources.map((s) => [s.id, s.name]));
    await reparent(
      trx,
      children,
      target,
      basis.effectiveDate,
      eventId,
      (c) => sourceName.get(c.parentId ?? 0) ?? "",
    );
    for (const source of sources) {
      await repo.closeOrganisation(trx, source.id, basis.effectiveDate, "merged");
      await repo.insertEventPart(trx, {
        eventId,
        orgId: source.id,
        role: "source",
        details: { newName: target.name },
      });
      await repo.insertLineage(trx, {
        eventId,
        predecessorId: source.id,
        successorId: target.id,
        effectiveDate: basis.effectiveDate,
      });
    }
    await repo.insertEventPart(trx, {
      eventId,
      orgId: target.id,
      role: "target",
      details: { newName: target.name, ...(newTarget ? { newParent: anchor.name } : {}) },
    });
    await recordAudit(
      trx,
      audit,
      {
        action: "org.merge",
        entityType: "organisation",
        entityId: target.id,
        orgId: target.id,
        before: { sources: sources.map(auditSnapshot), target: newTarget ? null : auditSnapshot(anchor) },
        after: {
          sources: await reread(trx, sourceIds),
          target: (await reread(trx, [target.id]))[0],
          movedChildIds: children.map((c) => c.id),
        },
      },
      deps.clock.now(),
    );
    return { eventId, organisations: await summaries(trx, [target.id, ...sourceIds]) };
  });
}

export async function splitOrg(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  input: SplitOrgInput,
  audit: AuditContext,
): Promise<RestructureResult> {
  const basis = checkBasis(deps, input);
  return inTransaction(deps, async (trx) => {
    const first = await loadForChange(trx, actor, [id]);
    const org = get(first, id);
    const parentId = input.parentId ?? org.parentId;
    let parent: OrganisationRow | null = null;
    if (parentId === null) {
      if (!mayCreateRoot(actor)) throw new AppError("ORG_ROOT_NOT_ALLOWED");
    } else {
      parent = get(await loadForChange(trx, actor, [], [parentId]), parentId);
    }
    requireActive(org, ...(parent ? [parent] : []));
    requireVersion(org, input.version);
    if (parent && isInside(parent, org)) throw new AppError("ORG_MOVE_CYCLE");
    for (const part of input.parts) await requireType(trx, part.typeCode);
    if (parent) for (const part of input.parts) await requireChildType(trx, parent.typeCode, part.typeCode);

    const children = await repo.listActiveChildren(trx, org.id);
    const childIds = new Set(children.map((c) => c.id));
    const assigned = new Map<number, number>();
    input.childAssignments.forEach((assignment, index) => {
      const at = `body.childAssignments.${index}`;
      if (!childIds.has(assignment.childId) || assigned.has(assignment.childId)) {
        throw invalid(`${at}.childId`, "ORG_SPLIT_CHILD_INVALID");
      }
      if (assignment.partIndex >= input.parts.length) {
        throw invalid(`${at}.partIndex`, "ORG_SPLIT_PART_INVALID");
      }
      assigned.set(assignment.childId, assignment.partIndex);
    });
    if (children.some((child) => !assigned.has(child.id))) {
      throw new AppError("ORG_SPLIT_CHILD_UNASSIGNED", {
        issues: [{ path: "body.childAssignments", message: "ORG_SPLIT_CHILD_UNASSIGNED" }],
      });
    }
    for (const child of children) {
      const part = input.parts[assigned.get(child.id) ?? 0];
      if (part) await requireChildType(trx, part.typeCode, child.typeCode);
    }
    await requireDateAfterExistence(
      trx,
      basis.effectiveDate,
      [org.id, ...(parent ? chainOf(parent) : []), ...children.map((c) => c.id)],
      [org.id],
    );
    await requireFreeCodes(
      trx,
      input.parts.map((part) => part.code),
    );

    const eventId = await openEvent(deps, trx, "split", basis, audit);
    const parts: OrganisationRow[] = [];
    for (const part of input.parts) {
      parts.push(
        await repo.insertOrganisation(trx, {
          code: part.code ?? null,
          name: normalizeText(part.name),
          typeCode: part.typeCode,
          parentId: parent?.id ?? null,
          validFrom: basis.effectiveDate,
          eventId,
        }),
      );
    }
    for (const child of children) {
      const part = parts[assigned.get(child.id) ?? 0] as OrganisationRow;
      await reparent(trx, [child], part, basis.effectiveDate, eventId, () => org.name);
    }
    await repo.closeOrganisation(trx, org.id, basis.effectiveDate, "split");
    await repo.insertEventPart(trx, {
      eventId,
      orgId: org.id,
      role: "source",
      details: { oldName: org.name },
    });
    for (const part of parts) {
      await repo.insertEventPart(trx, {
        eventId,
        orgId: part.id,
        role: "target",
        details: { newName: part.name, oldName: org.name, newParent: parent?.name ?? null },
      });
      await repo.insertLineage(trx, {
        eventId,
        predecessorId: org.id,
        successorId: part.id,
        effectiveDate: basis.effectiveDate,
      });
    }
    await recordAudit(
      trx,
      audit,
      {
        action: "org.split",
        entityType: "organisation",
        entityId: org.id,
        orgId: org.id,
        before: auditSnapshot(org),
        after: {
          organisation: (await reread(trx, [org.id]))[0],
          parts: await reread(
            trx,
            parts.map((p) => p.id),
          ),
          assignments: [...assigned].map(([childId, partIndex]) => ({ childId, partIndex })),
        },
      },
      deps.clock.now(),
    );
    return { eventId, organisations: await summaries(trx, [org.id, ...parts.map((p) => p.id)]) };
  });
}
