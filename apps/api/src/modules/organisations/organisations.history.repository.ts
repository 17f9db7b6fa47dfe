// SQL for an organisation's history: its versions, the events that touched it and their lineage.
import { sql } from "kysely";
import type { OrgEventRow, OrgVersionRow } from "../../db/schema.ts";
import type { Executor } from "./organisations.repository.ts";

export interface VersionWithParentRow extends OrgVersionRow {
  parentName: string | null;
}

/** All versions of an organisation, each with its parent's name as it was when the version began. */
export async function listVersions(executor: Executor, orgId: number): Promise<VersionWithParentRow[]> {
  const result = await sql<VersionWithParentRow>`
    SELECT v.*, coalesce(
      (SELECT pv.name FROM org_versions pv WHERE pv.org_id = v.parent_id AND pv.valid_from <= v.valid_from
         AND (pv.valid_to IS NULL OR pv.valid_to > v.valid_from) LIMIT 1),
      p.name) AS parent_name
    FROM org_versions v LEFT JOIN organisations p ON p.id = v.parent_id
    WHERE v.org_id = ${orgId}
    ORDER BY v.valid_from, v.id`.execute(executor);
  return result.rows;
}

export interface EventForOrgRow {
  id: number;
  kind: OrgEventRow["kind"];
  effectiveDate: string;
  reason: string | null;
  decisionRef: string | null;
  recordedAt: Date;
  actorName: string | null;
  details: Record<string, string | null>;
  /** This organisation's parts in the event, comma-separated (subject, source, target, moved_child). */
  roles: string;
}

export async function listEventsForOrg(executor: Executor, orgId: number): Promise<EventForOrgRow[]> {
  const result = await sql<EventForOrgRow>`
    SELECT e.id, e.kind, e.effective_date, e.reason, e.decision_ref, e.recorded_at, a.display_name AS actor_name,
      (SELECT jsonb_object_agg(k, val) FROM org_event_parts p2, jsonb_each_text(p2.details) AS d(k, val)
        WHERE p2.event_id = e.id AND p2.org_id = ${orgId}) AS details,
      (SELECT string_agg(p3.role, ',') FROM org_event_parts p3
        WHERE p3.event_id = e.id AND p3.org_id = ${orgId}) AS roles
    FROM org_events e
    LEFT JOIN accounts a ON a.id = e.actor_id
    WHERE e.id IN (SELECT event_id FROM org_event_parts WHERE org_id = ${orgId})
    ORDER BY e.effective_date, e.id`.execute(executor);
  return result.rows;
}

export async function listLineageForEvents(executor: Executor, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return executor.selectFrom("orgLineage").selectAll().where("eventId", "in", eventIds).execute();
}
