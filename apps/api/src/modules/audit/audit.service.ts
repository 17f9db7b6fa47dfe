// Reading the audit log inside the reader's scope, and verifying its hash chain.
import type { AuditEntry } from "@namro/contracts";
import type { AuditLogRow } from "../../db/schema.ts";
import { auditRowHash, GENESIS_HASH } from "../../platform/audit/audit-hash.ts";
import { type Actor, holdsPermissionAt, scopePaths } from "../../platform/auth/actor.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import type { OrganisationsService } from "../organisations/organisations.service.ts";
import { presentAuditEntry } from "./audit.presenter.ts";
import * as repo from "./audit.repository.ts";

export interface AuditListQuery {
  page: number;
  pageSize: number;
  actorId?: number | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  orgId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

const VERIFY_BATCH = 1000;

/** Start of a calendar day in Vietnam (UTC+7, no daylight saving). */
function startOfVietnamDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}

export class AuditService {
  readonly #deps: ServiceDeps;
  readonly #organisations: Pick<OrganisationsService, "requireVisible">;
  readonly #verifyBatch: number;

  constructor(
    deps: ServiceDeps,
    organisations: Pick<OrganisationsService, "requireVisible">,
    options: { verifyBatchSize?: number } = {},
  ) {
    this.#deps = deps;
    this.#organisations = organisations;
    this.#verifyBatch = options.verifyBatchSize ?? VERIFY_BATCH;
  }

  async listAudit(
    actor: Actor,
    query: AuditListQuery,
  ): Promise<{ items: AuditEntry[]; page: number; pageSize: number; total: number }> {
    const scope = scopePaths(actor, "audit.read");
    const orgPath =
      query.orgId === undefined
        ? undefined
        : (await this.#organisations.requireVisible(actor, "audit.read", query.orgId)).path;
    const { rows, total } = await repo.listAuditEntries(
      this.#deps.db,
      {
        scope,
        // Entries about no organisation (system events) are for administrators of a whole tree.
        includeUnfiled: scope.some((path) => !path.includes(".")),
        actorId: query.actorId,
        entityType: query.entityType,
        entityId: query.entityId,
        action: query.action,
        orgPath,
        fromInstant: query.from ? startOfVietnamDay(query.from) : undefined,
        beforeInstant: query.to
          ? new Date(startOfVietnamDay(query.to).getTime() + 24 * 3_600_000)
          : undefined,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    // Sensitive member data in the details is shown only to readers holding member.sensitive over the
    // entry's organisation (entries filed under none count as outside every scope).
    const items = rows.map((row) =>
      presentAuditEntry(
        row,
        row.orgPath !== null && holdsPermissionAt(actor, "member.sensitive", row.orgPath),
      ),
    );
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * Walks the whole log in id order, a batch at a time, and recomputes every hash. A changed row fails
   * its own hash; a deleted, inserted or reordered row breaks the link to the row before it. (Removing
   * the newest rows leaves a shorter valid chain; that needs an anchor kept outside the database.)
   */
  async verifyChain(): Promise<ChainVerification> {
    let expectedPrev = GENESIS_HASH;
    let lastId = 0;
    let checked = 0;
    for (;;) {
      const batch = await repo.listChainBatch(this.#deps.db, lastId, this.#verifyBatch);
      for (const row of batch) {
        if (row.prevHash !== expectedPrev) {
          return broken(
            checked,
            row.id,
            "The previous-hash link does not match: a row before it was deleted, inserted or reordered.",
          );
        }
        if (recomputeHash(row, expectedPrev) !== row.hash) {
          return broken(checked, row.id, "The row's content does not match its hash: it was changed.");
        }
        expectedPrev = row.hash;
        checked += 1;
      }
      const last = batch.at(-1);
      if (!last || batch.length < this.#verifyBatch) break;
      lastId = last.id;
    }
    return { ok: true, checked, firstBrokenId: null, reason: null };
  }
}

function broken(checked: number, id: number, reason: string): ChainVerification {
  return { ok: false, checked, firstBrokenId: id, reason };
}

function recomputeHash(row: AuditLogRow, prevHash: string): string {
  return auditRowHash(prevHash, {
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    orgId: row.orgId,
    orgPath: row.orgPath,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
  });
}
