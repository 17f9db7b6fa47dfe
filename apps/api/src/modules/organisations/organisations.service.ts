// Use cases of the organisation tree: scoped reads (current or "as of" a date) and restructuring.
import type {
  CreateOrgTypeBody,
  OrgDetail,
  OrgHistory,
  OrgSearchHit,
  OrgSummary,
  OrgType,
  Permission,
  UpdateOrgTypeBody,
} from "@namro/contracts";
import { toSearchKey } from "@namro/domain";
import type { OrganisationRow } from "../../db/schema.ts";
import type { AuditContext } from "../../platform/audit/audit-writer.ts";
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { readsOf, type ServiceDeps } from "../../platform/service-deps.ts";
import * as historyRepo from "./organisations.history.repository.ts";
import * as typesRepo from "./organisations.org-types.repository.ts";
import { createOrgType, updateOrgType } from "./organisations.org-types.ts";
import { isVisibleIn, mayChange, mayPlaceUnder, readPaths } from "./organisations.policy.ts";
import { presentOrgType, presentSummary, type SummarySource } from "./organisations.presenter.ts";
import * as repo from "./organisations.repository.ts";
import {
  type CreateOrgInput,
  createFirstRoot,
  createOrg,
  type DissolveOrgInput,
  dissolveOrg,
  type MergeOrgsInput,
  type MoveOrgInput,
  mergeOrgs,
  moveOrg,
  type RenameOrgInput,
  type RestructureResult,
  renameOrg,
  type SplitOrgInput,
  splitOrg,
} from "./organisations.restructuring.ts";
import * as searchRepo from "./organisations.search.repository.ts";
import { compareSearchHits, compareTreeItems, visibleAncestorIds } from "./organisations.tree.ts";

export interface ChildrenOptions {
  asOf?: string | undefined;
  includeClosed?: boolean | undefined;
}

export interface SearchOptions {
  q: string;
  limit: number;
  includeClosed: boolean;
  asOf?: string | undefined;
  types?: readonly string[] | undefined;
}

export class OrganisationsService {
  readonly #deps: ServiceDeps;
  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  // ---- for other modules -------------------------------------------------------------------

  /** The organisation, if it exists and lies in the actor's scope for `permission`; else ORG_NOT_FOUND. */
  async requireVisible(actor: Actor, permission: Permission, orgId: number): Promise<OrganisationRow> {
    const org = await repo.findOrganisation(this.#deps.db, orgId);
    if (!org || !holdsPermissionAt(actor, permission, org.path)) throw new AppError("ORG_NOT_FOUND");
    return org;
  }

  async findNames(orgIds: number[]): Promise<Map<number, string>> {
    const rows = await repo.findOrganisationsByIds(this.#deps.db, [...new Set(orgIds)]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  // ---- reads -------------------------------------------------------------------------------

  async listOrgTypes(): Promise<OrgType[]> {
    const [types, rules] = await Promise.all([
      typesRepo.listOrgTypes(this.#deps.db),
      typesRepo.listOrgTypeRules(this.#deps.db),
    ]);
    return types.map((type) =>
      presentOrgType(
        type,
        rules.filter((rule) => rule.parentType === type.code).map((rule) => rule.childType),
      ),
    );
  }

  /** The topmost organisations of the actor's scope (existing on `asOf`, or active now). */
  async listRoots(actor: Actor, asOf?: string): Promise<OrgSummary[]> {
    const paths = readPaths(actor);
    const ids = paths.map((path) => Number(path.split(".").at(-1)));
    const rows: SummarySource[] = asOf
      ? await repo.findAsOf(this.#deps.db, ids, asOf)
      : (await repo.findOrganisationsByIds(this.#deps.db, ids)).filter((row) => row.status === "active");
    return this.#summaries(rows, paths, asOf ?? null);
  }

  async getOrg(actor: Actor, id: number, asOf?: string): Promise<OrgDetail> {
    const paths = readPaths(actor);
    const org = await this.#visible(paths, id);
    let row: SummarySource = org;
    let ancestors: OrgDetail["ancestors"];
    if (asOf) {
      const [then] = await repo.findAsOf(this.#deps.db, [id], asOf);
      if (!then) throw new AppError("ORG_NOT_FOUND");
      row = then;
      const chains = await this.#chainsAsOf([id], asOf, paths);
      ancestors =
        chains.get(id)?.map((item) => ({ id: item.id, name: item.name, typeCode: item.typeCode })) ?? [];
    } else {
      const ids = visibleAncestorIds(org.path, paths);
      const byId = new Map((await repo.findOrganisationsByIds(this.#deps.db, ids)).map((r) => [r.id, r]));
      ancestors = ids.flatMap((ancestorId) => {
        const ancestor = byId.get(ancestorId);
        return ancestor ? [{ id: ancestor.id, name: ancestor.name, typeCode: ancestor.typeCode }] : [];
      });
    }
    const children = await this.#children(paths, id, asOf ?? null, false);
    return {
      ...presentSummary(row, children.length, asOf ?? null),
      ancestors,
      children,
      version: org.version,
      canRestructure: org.status === "active" && mayChange(actor, org.path),
      canAddUnits: org.status === "active" && mayPlaceUnder(actor, org.path),
      asOf: asOf ?? null,
    };
  }

  async listChildren(actor: Actor, id: number, options: ChildrenOptions = {}): Promise<OrgSummary[]> {
    const paths = readPaths(actor);
    await this.#visible(paths, id);
    return this.#children(paths, id, options.asOf ?? null, options.includeClosed ?? false);
  }

  async search(actor: Actor, options: SearchOptions): Promise<OrgSearchHit[]> {
    const paths = readPaths(actor);
    const key = toSearchKey(options.q);
    if (key === "" || paths.length === 0) return [];
    // A few more candidates than asked, so ties at the cut are ordered by Vietnamese rules.
    const candidates = Math.min(options.limit + 50, 200);
    const types = options.types?.length ? options.types : null;
    const input = { key, code: options.q.trim(), paths, limit: candidates, types };
    // A search: on the read replica when there is one (ADR 0009); the names on the hits' paths below
    // are a few primary-key reads.
    const rows = await readsOf(this.#deps).run(actor, (db) =>
      options.asOf
        ? searchRepo.searchOrganisationsAsOf(db, { ...input, date: options.asOf })
        : searchRepo.searchOrganisations(db, { ...input, includeClosed: options.includeClosed }),
    );
    const hits = rows.sort(compareSearchHits).slice(0, options.limit);
    const ids = hits.map((hit) => hit.id);
    const asOf = options.asOf ?? null;
    const counts = asOf
      ? await repo.countChildrenAsOf(this.#deps.db, ids, asOf, paths)
      : await repo.countActiveChildren(this.#deps.db, ids);
    const pathNames = asOf
      ? await this.#chainNamesAsOf(ids, asOf, paths)
      : await this.#pathNames(hits, paths);
    return hits.map((hit) => ({
      ...presentSummary(hit, counts.get(hit.id) ?? 0, asOf),
      pathNames: pathNames.get(hit.id) ?? [],
    }));
  }

  async getHistory(actor: Actor, id: number): Promise<OrgHistory> {
    const paths = readPaths(actor);
    await this.#visible(paths, id);
    const db = this.#deps.db;
    const versions = await historyRepo.listVersions(db, id);
    const events = await historyRepo.listEventsForOrg(db, id);
    const lineage = await historyRepo.listLineageForEvents(
      db,
      events.map((event) => event.id),
    );
    const ownLineage = lineage.filter((l) => l.predecessorId === id || l.successorId === id);
    const refIds = [
      ...new Set([
        ...versions.flatMap((v) => (v.parentId === null ? [] : [v.parentId])),
        ...ownLineage.flatMap((l) => [l.predecessorId, l.successorId]),
      ]),
    ];
    const refs = new Map((await repo.findOrganisationsByIds(db, refIds)).map((r) => [r.id, r]));
    const visible = (refId: number) => {
      const ref = refs.get(refId);
      return ref !== undefined && isVisibleIn(paths, ref.path);
    };
    // Lineage names are this organisation's own history (what it came from, what it became); links
    // only where the actor may go.
    const refOf = (refId: number) => {
      const ref = refs.get(refId);
      return { id: refId, name: ref?.name ?? "", code: ref?.code ?? "", visible: visible(refId) };
    };
    // Never a parent's name the actor may not see.
    const parentNameIfVisible = (parentId: number | null | undefined) => {
      if (parentId === null || parentId === undefined || !visible(parentId)) return null;
      return refs.get(parentId)?.name ?? null;
    };
    return {
      versions: versions.map((v) => ({
        validFrom: v.validFrom,
        validTo: v.validTo,
        name: v.name,
        typeCode: v.typeCode,
        parentId: v.parentId,
        parentName: parentNameIfVisible(v.parentId),
      })),
      events: events.map((event) => {
        const own = ownLineage.filter((l) => l.eventId === event.id);
        const details: Record<string, string | null> = { ...(event.details ?? {}) };
        // Parents at the event's date come from the versions (ids, so visibility can be checked).
        if ("oldParent" in details) {
          details.oldParent = parentNameIfVisible(
            versions.find((v) => v.validTo === event.effectiveDate)?.parentId,
          );
        }
        if ("newParent" in details) {
          details.newParent = parentNameIfVisible(
            versions.find((v) => v.validFrom === event.effectiveDate)?.parentId,
          );
        }
        return {
          id: event.id,
          kind: event.kind,
          effectiveDate: event.effectiveDate,
          reason: event.reason,
          decisionRef: event.decisionRef,
          recordedAt: new Date(event.recordedAt).toISOString(),
          actorName: event.actorName,
          role: primaryRole(event.roles),
          predecessors: [...new Set(own.map((l) => l.predecessorId))].map(refOf),
          successors: [...new Set(own.map((l) => l.successorId))].map(refOf),
          details,
        };
      }),
    };
  }

  // ---- organisation types (installation-wide) ----------------------------------------------

  createOrgType(actor: Actor, input: CreateOrgTypeBody, audit: AuditContext): Promise<OrgType> {
    return createOrgType(this.#deps, actor, input, audit);
  }

  updateOrgType(actor: Actor, code: string, input: UpdateOrgTypeBody, audit: AuditContext): Promise<OrgType> {
    return updateOrgType(this.#deps, actor, code, input, audit);
  }

  // ---- restructuring -----------------------------------------------------------------------

  /** Whether the installation has no organisation yet (before `namro init` or the demo seed). */
  async isInstallationEmpty(): Promise<boolean> {
    return !(await repo.anyOrganisationExists(this.#deps.db));
  }

  /** The first organisation of an empty installation (`namro init`). */
  createFirstRoot(input: Omit<CreateOrgInput, "parentId">, audit: AuditContext): Promise<RestructureResult> {
    return createFirstRoot(this.#deps, input, audit);
  }

  createOrg(actor: Actor, input: CreateOrgInput, audit: AuditContext): Promise<RestructureResult> {
    return createOrg(this.#deps, actor, input, audit);
  }

  renameOrg(
    actor: Actor,
    id: number,
    input: RenameOrgInput,
    audit: AuditContext,
  ): Promise<RestructureResult> {
    return renameOrg(this.#deps, actor, id, input, audit);
  }

  moveOrg(actor: Actor, id: number, input: MoveOrgInput, audit: AuditContext): Promise<RestructureResult> {
    return moveOrg(this.#deps, actor, id, input, audit);
  }

  mergeOrgs(actor: Actor, input: MergeOrgsInput, audit: AuditContext): Promise<RestructureResult> {
    return mergeOrgs(this.#deps, actor, input, audit);
  }

  splitOrg(actor: Actor, id: number, input: SplitOrgInput, audit: AuditContext): Promise<RestructureResult> {
    return splitOrg(this.#deps, actor, id, input, audit);
  }

  dissolveOrg(
    actor: Actor,
    id: number,
    input: DissolveOrgInput,
    audit: AuditContext,
  ): Promise<RestructureResult> {
    return dissolveOrg(this.#deps, actor, id, input, audit);
  }

  // ---- helpers -----------------------------------------------------------------------------

  async #visible(paths: string[], id: number): Promise<OrganisationRow> {
    const org = await repo.findOrganisation(this.#deps.db, id);
    if (!org || !isVisibleIn(paths, org.path)) throw new AppError("ORG_NOT_FOUND");
    return org;
  }

  async #typeOrder(): Promise<Map<string, number>> {
    const types = await typesRepo.listOrgTypes(this.#deps.db);
    return new Map(types.map((type) => [type.code, type.sortOrder]));
  }

  async #summaries(rows: SummarySource[], paths: string[], asOf: string | null): Promise<OrgSummary[]> {
    const ids = rows.map((row) => row.id);
    const counts = asOf
      ? await repo.countChildrenAsOf(this.#deps.db, ids, asOf, paths)
      : await repo.countActiveChildren(this.#deps.db, ids);
    const order = await this.#typeOrder();
    return rows
      .sort((a, b) => compareTreeItems(a, b, order))
      .map((row) => presentSummary(row, counts.get(row.id) ?? 0, asOf));
  }

  async #children(
    paths: string[],
    id: number,
    asOf: string | null,
    includeClosed: boolean,
  ): Promise<OrgSummary[]> {
    const rows: SummarySource[] = asOf
      ? await repo.listChildrenAsOf(this.#deps.db, id, asOf, paths)
      : await repo.listChildrenRows(this.#deps.db, id, includeClosed);
    return this.#summaries(rows, paths, asOf);
  }

  /** Visible ancestors (root first) of each start organisation as they were on `date`. */
  async #chainsAsOf(startIds: number[], date: string, paths: string[]) {
    const rows = await repo.listChainsAsOf(this.#deps.db, startIds, date);
    const chains = new Map<number, { id: number; name: string; typeCode: string }[]>();
    for (const startId of startIds) {
      const chain = rows.filter((row) => row.startId === startId && row.depth > 1);
      const visible: { id: number; name: string; typeCode: string }[] = [];
      // Climb from the parent and stop at the first ancestor outside the scope.
      for (const item of chain) {
        if (!isVisibleIn(paths, item.path)) break;
        visible.unshift({ id: item.orgId, name: item.name, typeCode: item.typeCode });
      }
      chains.set(startId, visible);
    }
    return chains;
  }

  async #chainNamesAsOf(ids: number[], date: string, paths: string[]): Promise<Map<number, string[]>> {
    const chains = await this.#chainsAsOf(ids, date, paths);
    return new Map([...chains].map(([id, chain]) => [id, chain.map((item) => item.name)]));
  }

  async #pathNames(hits: { id: number; path: string }[], paths: string[]): Promise<Map<number, string[]>> {
    const perHit = hits.map((hit) => ({ id: hit.id, ancestors: visibleAncestorIds(hit.path, paths) }));
    const names = await this.findNames(perHit.flatMap((hit) => hit.ancestors));
    return new Map(perHit.map((hit) => [hit.id, hit.ancestors.map((id) => names.get(id) ?? "")]));
  }
}

const ROLE_PRIORITY = ["target", "source", "subject", "moved_child"] as const;

/** The part that best describes what the event did to this organisation. */
function primaryRole(roles: string | null): (typeof ROLE_PRIORITY)[number] {
  const parts = (roles ?? "").split(",");
  return ROLE_PRIORITY.find((role) => parts.includes(role)) ?? "subject";
}
