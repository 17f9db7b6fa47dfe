// Posts a member holds or held (Party, government, mass organisations), concurrent posts allowed: a
// Party secretary may also chair the People's Council. Adding or ending one changes the record, so it
// carries the version the user saw, like any edit.
import type { MemberDetail } from "@namro/contracts";
import { normalizeText, todayInVietnam } from "@namro/domain";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { invalid, lockForChange, rereadDetail, writeAtVersion } from "./members.record.ts";
import * as repo from "./members.repository.ts";

export interface AddPostInput {
  postType: string;
  orgId?: number | null | undefined;
  heldAt?: string | null | undefined;
  startedOn: string;
  endedOn?: string | null | undefined;
  version: number;
}

export async function addMemberPost(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  body: AddPostInput,
  audit: AuditContext,
): Promise<MemberDetail> {
  const today = todayInVietnam(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const member = await lockForChange(trx, actor, id, body.version);
    if (!(await repo.postTypeExists(trx, body.postType))) {
      throw invalid([{ path: "body.postType", code: "MEMBER_POST_TYPE_UNKNOWN" }]);
    }
    if (body.orgId && (await repo.findOrgsByIds(trx, [body.orgId])).length === 0) {
      throw invalid([{ path: "body.orgId", code: "ORG_NOT_FOUND" }]);
    }
    const endedOn = body.endedOn ?? null;
    if (body.startedOn > today) throw invalid([{ path: "body.startedOn", code: "MEMBER_DATE_IN_FUTURE" }]);
    if (endedOn !== null && endedOn > today)
      throw invalid([{ path: "body.endedOn", code: "MEMBER_DATE_IN_FUTURE" }]);
    if (endedOn !== null && endedOn < body.startedOn) {
      throw invalid([{ path: "body.endedOn", code: "MEMBER_POST_DATES_INVALID" }]);
    }
    const values = {
      memberId: id,
      postType: body.postType,
      orgId: body.orgId ?? null,
      heldAt: body.heldAt ? normalizeText(body.heldAt) : null,
      startedOn: body.startedOn,
      endedOn,
    };
    const postId = await repo.insertPost(trx, values);
    await writeAtVersion(trx, member, {});
    await recordAudit(
      trx,
      audit,
      {
        action: "member.post_add",
        entityType: "member",
        entityId: id,
        orgId: member.orgId,
        after: { postId, ...values },
      },
      deps.clock.now(),
    );
    return rereadDetail(trx, actor, id);
  });
}

export async function endMemberPost(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  postId: number,
  body: { endedOn: string; version: number },
  audit: AuditContext,
): Promise<MemberDetail> {
  const today = todayInVietnam(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const member = await lockForChange(trx, actor, id, body.version);
    const post = await repo.findPost(trx, id, postId);
    if (!post) throw new AppError("MEMBER_POST_NOT_FOUND");
    if (post.endedOn !== null) throw new AppError("MEMBER_POST_ALREADY_ENDED");
    if (body.endedOn > today) throw invalid([{ path: "body.endedOn", code: "MEMBER_DATE_IN_FUTURE" }]);
    if (body.endedOn < post.startedOn)
      throw invalid([{ path: "body.endedOn", code: "MEMBER_POST_DATES_INVALID" }]);
    await repo.endPost(trx, postId, body.endedOn);
    await writeAtVersion(trx, member, {});
    await recordAudit(
      trx,
      audit,
      {
        action: "member.post_end",
        entityType: "member",
        entityId: id,
        orgId: member.orgId,
        before: { postId, endedOn: null },
        after: { postId, endedOn: body.endedOn },
      },
      deps.clock.now(),
    );
    return rereadDetail(trx, actor, id);
  });
}
