// Pieces every member use case shares: the record as the actor sees it, the lock-and-check before a
// change, the version bump, and 400s with field paths.
import type { ErrorCode, MemberDetail } from "@namro/contracts";
import type { Actor } from "../../platform/auth/actor.ts";
import { isWithin } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { mayManageMemberIn, mayReadMemberIn, maySeeSensitiveIn, memberReadPaths } from "./members.policy.ts";
import { presentDetail } from "./members.presenter.ts";
import type { Executor, MemberChanges, MemberWithOrg } from "./members.repository.ts";
import * as repo from "./members.repository.ts";

/** A 400 whose issues name the fields; each message is a catalogued code the HTTP layer translates. */
export function invalid(issues: { path: string; code: ErrorCode }[]): AppError {
  return new AppError("VALIDATION_FAILED", {
    issues: issues.map((issue) => ({ path: issue.path, message: issue.code })),
  });
}

/** Ids of the cell's ancestors inside the actor's read scope, topmost first (the cell excluded). */
function visibleAncestorIds(path: string, scopes: string[]): number[] {
  const ids = path.split(".").map(Number);
  const visible: number[] = [];
  for (let i = 0; i < ids.length - 1; i++) {
    const prefix = ids.slice(0, i + 1).join(".");
    if (scopes.some((root) => isWithin(prefix, root))) visible.push(ids[i] as number);
  }
  return visible;
}

/** The member if it exists and the actor may read it; otherwise MEMBER_NOT_FOUND. */
export async function requireReadable(executor: Executor, actor: Actor, id: number): Promise<MemberWithOrg> {
  const member = await repo.findMember(executor, id);
  if (!member || !mayReadMemberIn(actor, member.orgPath)) throw new AppError("MEMBER_NOT_FOUND");
  return member;
}

export async function buildDetail(
  executor: Executor,
  actor: Actor,
  member: MemberWithOrg,
): Promise<MemberDetail> {
  const ancestorIds = visibleAncestorIds(member.orgPath, memberReadPaths(actor));
  const [ancestors, cellHistory, posts, events] = await Promise.all([
    repo.findOrgsByIds(executor, ancestorIds),
    repo.listCellHistory(executor, member.id),
    repo.listPosts(executor, member.id),
    repo.listEvents(executor, member.id),
  ]);
  const byId = new Map(ancestors.map((org) => [org.id, org]));
  return presentDetail(member, {
    orgPath: ancestorIds.flatMap((ancestorId) => {
      const org = byId.get(ancestorId);
      return org ? [{ id: org.id, name: org.name }] : [];
    }),
    cellHistory,
    posts,
    events,
    canEdit: mayManageMemberIn(actor, member.orgPath),
    canSeeSensitive: maySeeSensitiveIn(actor, member.orgPath),
  });
}

/** The record as the actor sees it after a change (read inside the same transaction). */
export async function rereadDetail(executor: Executor, actor: Actor, id: number): Promise<MemberDetail> {
  return buildDetail(executor, actor, await requireReadable(executor, actor, id));
}

/**
 * Locks the member for a change by the actor: outside the read scope it does not exist (404); readable
 * but not manageable is 403; a `version` other than the stored one is MEMBER_VERSION_CONFLICT.
 */
export async function lockForChange(
  executor: Executor,
  actor: Actor,
  id: number,
  version: number,
): Promise<MemberWithOrg> {
  const member = await repo.findMemberForUpdate(executor, id);
  if (!member || !mayReadMemberIn(actor, member.orgPath)) throw new AppError("MEMBER_NOT_FOUND");
  if (!mayManageMemberIn(actor, member.orgPath)) throw new AppError("ACCESS_DENIED");
  if (member.version !== version) throw new AppError("MEMBER_VERSION_CONFLICT");
  return member;
}

/** Writes the changes and bumps the version; a concurrent writer that got there first is a conflict. */
export async function writeAtVersion(
  executor: Executor,
  member: MemberWithOrg,
  changes: MemberChanges,
): Promise<void> {
  const written = await repo.updateMemberAtVersion(executor, member.id, member.version, changes);
  if (!written) throw new AppError("MEMBER_VERSION_CONFLICT");
}
