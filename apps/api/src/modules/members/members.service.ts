// Use cases of the member registry: scoped lists and records, admission and edits. Events, transfers
// and posts live in members.events.ts, members.transfers.ts and members.posts.ts; this class is their
// single entrance for routes and other modules.
import type {
  AdmitMemberBody,
  ListMembersQuery,
  MemberDetail,
  MemberFilter,
  MemberTransfer,
  RecordMemberEventBody,
  UpdateMemberBody,
} from "@namro/contracts";
import { todayInVietnam } from "@namro/domain";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { readsOf, type ServiceDeps } from "../../platform/service-deps.ts";
import { recordMemberEvent } from "./members.events.ts";
import { MEMBER_FILTER_ORG_ID_LIMIT, type MemberFilterOptions } from "./members.filter.repository.ts";
import { listMembers } from "./members.list.repository.ts";
import { changedFields, checkPersonalColumns, toColumns } from "./members.personal-data.ts";
import {
  mayManageMemberIn,
  mayReadMemberIn,
  maySeeSensitiveIn,
  maySeeSensitiveOver,
  memberReadPaths,
} from "./members.policy.ts";
import { type AddPostInput, addMemberPost, endMemberPost } from "./members.posts.ts";
import { presentSummary } from "./members.presenter.ts";
import {
  buildDetail,
  invalid,
  lockForChange,
  requireReadable,
  rereadDetail,
  writeAtVersion,
} from "./members.record.ts";
import * as repo from "./members.repository.ts";
import {
  cancelTransfer,
  confirmTransfer,
  listTransfers,
  refuseTransfer,
  type TransferDecision,
} from "./members.transfers.ts";

export class MembersService {
  readonly #deps: ServiceDeps;
  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  #today(): string {
    return todayInVietnam(this.#deps.clock.now());
  }

  // ---- for other modules (export, statistics) ----------------------------------------------

  /**
   * The options of selectFilteredMembers for this actor and filter: the read scope, today, and whether
   * `q` may match citizen IDs. An `orgId` outside the scope is ORG_NOT_FOUND. The list, the export and
   * the statistics all take their options from here, so the privacy rule lives here once: `religion`
   * and citizen-ID search apply only when the actor sees sensitive fields over every subtree filtered
   * (maySeeSensitiveOver); otherwise the religion filter is ignored, as if not given. `db`: the read
   * replica's when the caller reads there (ADR 0009).
   */
  async filterOptions(
    actor: Actor,
    filter: MemberFilter,
    db: Kysely<Database> = this.#deps.db,
  ): Promise<MemberFilterOptions> {
    const scopePaths = memberReadPaths(actor);
    let subtreePath: string | undefined;
    if (filter.orgId !== undefined) {
      const org = await repo.findOrgsByIds(db, [filter.orgId]);
      subtreePath = org[0]?.path;
      if (!subtreePath || !mayReadMemberIn(actor, subtreePath)) throw new AppError("ORG_NOT_FOUND");
    }
    const paths = subtreePath ? [subtreePath] : scopePaths;
    const seesSensitive = maySeeSensitiveOver(actor, paths);
    const { religion, ...rest } = filter;
    // A whole tree is cheaper to filter by path (every member matches it); a part of one, by ids.
    const wholeTree = paths.some((path) => !path.includes("."));
    const ids = wholeTree ? [] : await repo.findOrgIdsUnder(db, paths, MEMBER_FILTER_ORG_ID_LIMIT + 1);
    return {
      filter: seesSensitive && religion !== undefined ? { ...rest, religion } : rest,
      scopePaths,
      today: this.#today(),
      canSearchCitizenId: seesSensitive,
      subtreePath,
      orgIds: !wholeTree && ids.length <= MEMBER_FILTER_ORG_ID_LIMIT ? ids : undefined,
    };
  }

  // ---- reads -------------------------------------------------------------------------------

  async list(actor: Actor, query: ListMembersQuery) {
    const { sort, page, pageSize, ...filter } = query;
    // A search: on the read replica when there is one (ADR 0009).
    const { rows, total, totalCapped } = await readsOf(this.#deps).run(actor, async (db) =>
      listMembers(db, await this.filterOptions(actor, filter, db), { sort, page, pageSize }),
    );
    return {
      items: rows.map((row) => presentSummary(row, maySeeSensitiveIn(actor, row.orgPath))),
      page,
      pageSize,
      total,
      totalCapped,
    };
  }

  async get(actor: Actor, id: number): Promise<MemberDetail> {
    return buildDetail(this.#deps.db, actor, await requireReadable(this.#deps.db, actor, id));
  }

  /** Which cell the member belonged to on `on` (null: not a member of any cell that day). */
  async cellOn(actor: Actor, id: number, on: string) {
    await requireReadable(this.#deps.db, actor, id);
    const span = await repo.findCellOn(this.#deps.db, id, on);
    return span
      ? { orgId: span.orgId, orgName: span.orgName, validFrom: span.validFrom, validTo: span.validTo }
      : null;
  }

  async listPostTypes() {
    const rows = await repo.listPostTypes(this.#deps.db);
    return rows.map((row) => ({
      code: row.code,
      kind: row.kind,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      sortOrder: row.sortOrder,
    }));
  }

  // ---- admission and edits -----------------------------------------------------------------

  /** A new probationary member in an active cell: the row, its first cell span, the admission event. */
  async admit(actor: Actor, body: AdmitMemberBody, audit: AuditContext): Promise<MemberDetail> {
    const today = this.#today();
    return this.#deps.db.transaction().execute(async (trx) => {
      const cell = await repo.findCellCandidate(trx, body.orgId);
      if (!cell || !mayReadMemberIn(actor, cell.path)) throw new AppError("ORG_NOT_FOUND");
      if (!mayManageMemberIn(actor, cell.path)) throw new AppError("ACCESS_DENIED");
      if (!cell.active || !cell.holdsMembers)
        throw invalid([{ path: "body.orgId", code: "MEMBER_ORG_NOT_A_CELL" }]);
      const columns = toColumns(body, {
        canSetSensitive: maySeeSensitiveIn(actor, cell.path),
        kept: { citizenId: null, religion: "Không", discipline: null },
        fullMemberOn: null,
      });
      await checkPersonalColumns(trx, columns, today, null);
      const id = await repo.insertMember(trx, {
        ...columns,
        orgId: cell.id,
        status: "probationary",
        statusSince: columns.admittedOn,
      });
      const eventId = await repo.insertEvent(trx, {
        memberId: id,
        kind: "admission",
        occurredOn: columns.admittedOn,
        toOrgId: cell.id,
        decisionRef: body.decisionRef ?? null,
        statusAfter: "probationary",
        recordedBy: actor.accountId,
      });
      await repo.openCell(trx, { memberId: id, orgId: cell.id, validFrom: columns.admittedOn, eventId });
      const { searchKey: _s, sortKey: _k, ...snapshot } = columns;
      await recordAudit(
        trx,
        audit,
        { action: "member.admit", entityType: "member", entityId: id, orgId: cell.id, after: snapshot },
        this.#deps.clock.now(),
      );
      return rereadDetail(trx, actor, id);
    });
  }

  /**
   * Edits personal data if `version` is still current (else MEMBER_VERSION_CONFLICT, nothing written).
   * Without member.sensitive the stored citizen ID, religion and discipline are kept whatever was sent.
   */
  async update(actor: Actor, id: number, body: UpdateMemberBody, audit: AuditContext): Promise<MemberDetail> {
    const today = this.#today();
    return this.#deps.db.transaction().execute(async (trx) => {
      const member = await lockForChange(trx, actor, id, body.version);
      const columns = toColumns(body, {
        canSetSensitive: maySeeSensitiveIn(actor, member.orgPath),
        kept: { citizenId: member.citizenId, religion: member.religion, discipline: member.discipline },
        // The date made full belongs to full members; a probationary member gets it by confirmation.
        fullMemberOn:
          member.status === "probationary"
            ? null
            : body.fullMemberOn === undefined
              ? member.fullMemberOn
              : body.fullMemberOn,
      });
      await checkPersonalColumns(trx, columns, today, id);
      if (columns.admittedOn !== member.admittedOn) {
        const earliest = await repo.earliestLaterHistoryDate(trx, id);
        if (earliest !== null && columns.admittedOn > earliest) {
          throw invalid([{ path: "body.admittedOn", code: "MEMBER_EVENT_DATE_INVALID" }]);
        }
        await repo.moveAdmissionDate(trx, id, member.admittedOn, columns.admittedOn);
      }
      const diff = changedFields(member, { ...columns });
      if (Object.keys(diff.after).length === 0) return buildDetail(trx, actor, member);
      const statusSince =
        member.status === "probationary" && member.statusSince === member.admittedOn
          ? columns.admittedOn
          : member.statusSince;
      await writeAtVersion(trx, member, { ...columns, statusSince });
      await recordAudit(
        trx,
        audit,
        { action: "member.update", entityType: "member", entityId: id, orgId: member.orgId, ...diff },
        this.#deps.clock.now(),
      );
      return rereadDetail(trx, actor, id);
    });
  }

  // ---- events, posts, transfers ------------------------------------------------------------

  async recordEvent(actor: Actor, id: number, body: RecordMemberEventBody, audit: AuditContext) {
    return recordMemberEvent(this.#deps, actor, id, body, audit);
  }

  async addPost(actor: Actor, id: number, body: AddPostInput, audit: AuditContext) {
    return addMemberPost(this.#deps, actor, id, body, audit);
  }

  async endPost(
    actor: Actor,
    id: number,
    postId: number,
    body: { endedOn: string; version: number },
    audit: AuditContext,
  ) {
    return endMemberPost(this.#deps, actor, id, postId, body, audit);
  }

  async listTransfers(
    actor: Actor,
    orgId?: number,
  ): Promise<{ incoming: MemberTransfer[]; outgoing: MemberTransfer[] }> {
    return listTransfers(this.#deps, actor, orgId);
  }

  async confirmTransfer(actor: Actor, eventId: number, body: TransferDecision, audit: AuditContext) {
    return confirmTransfer(this.#deps, actor, eventId, body, audit);
  }

  async refuseTransfer(actor: Actor, eventId: number, body: TransferDecision, audit: AuditContext) {
    return refuseTransfer(this.#deps, actor, eventId, body, audit);
  }

  async cancelTransfer(actor: Actor, eventId: number, body: TransferDecision, audit: AuditContext) {
    return cancelTransfer(this.#deps, actor, eventId, body, audit);
  }
}
