// Set-based loading of planned organisations and accounts: ids and ltree paths are computed here, rows
// go in as arrays through unnest() in large batches, and the identity sequences are moved past them.
// Row for row it writes what the organisations service writes for a creation: the organisation, its
// first version and a 'create' event (one event per effective date of the batch, with a subject part
// per organisation).
import { toSearchKey } from "@namro/domain";
import { sql, type Transaction } from "kysely";
import type { Database, Role } from "../db/schema.ts";
import type { PlannedOrg } from "./province-plan.ts";

export const BATCH_SIZE = 20_000;

export interface Anchor {
  id: number;
  path: string;
}

export interface LoadedOrgs {
  /** Database id of each planned organisation, by plan index. */
  ids: number[];
  paths: string[];
}

function batches(count: number): [start: number, end: number][] {
  const result: [number, number][] = [];
  for (let start = 0; start < count; start += BATCH_SIZE)
    result.push([start, Math.min(count, start + BATCH_SIZE)]);
  return result;
}

export async function loadPlannedOrgs(
  trx: Transaction<Database>,
  orgs: readonly PlannedOrg[],
  anchor: Anchor | null,
  reason: string,
): Promise<LoadedOrgs> {
  if (orgs.length === 0) return { ids: [], paths: [] };
  // Nobody else may take ids while ours are being assigned.
  await sql`LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  const { rows } = await sql<{ maxId: number | null }>`SELECT max(id) AS max_id FROM organisations`.execute(
    trx,
  );
  const base = Number(rows[0]?.maxId ?? 0);
  const ids: number[] = [];
  const paths: string[] = [];
  orgs.forEach((org, i) => {
    const id = base + 1 + i;
    ids.push(id);
    if (org.parent === null) paths.push(anchor ? `${anchor.path}.${id}` : String(id));
    else {
      if (org.parent >= i) throw new Error(`plan order: ${org.code} comes before its parent`);
      paths.push(`${paths[org.parent]}.${id}`);
    }
  });

  for (const [start, end] of batches(orgs.length)) {
    const slice = orgs.slice(start, end);
    await sql`
      INSERT INTO organisations (id, code, name, search_key, type_code, parent_id, path, valid_from)
      OVERRIDING SYSTEM VALUE
      SELECT u.id, u.code, u.name, u.search_key, u.type_code, u.parent_id, u.path::ltree, u.valid_from::date
      FROM unnest(
        ${ids.slice(start, end)}::bigint[], ${slice.map((o) => o.code)}::text[], ${slice.map((o) => o.name)}::text[],
        ${slice.map((o) => toSearchKey(o.name))}::text[], ${slice.map((o) => o.typeCode)}::text[],
        ${slice.map((o) => (o.parent === null ? (anchor?.id ?? null) : (ids[o.parent] as number)))}::bigint[],
        ${paths.slice(start, end)}::text[], ${slice.map((o) => o.validFrom)}::text[]
      ) AS u (id, code, name, search_key, type_code, parent_id, path, valid_from)
    `.execute(trx);
  }
  const first = base + 1;
  const last = base + orgs.length;
  await sql`SELECT setval(pg_get_serial_sequence('organisations', 'id'), ${last}::bigint)`.execute(trx);

  const dates = [...new Set(orgs.map((o) => o.validFrom))].sort();
  const events = await trx
    .insertInto("orgEvents")
    .values(
      dates.map((effectiveDate) => ({
        kind: "create" as const,
        effectiveDate,
        reason,
        decisionRef: null,
        actorId: null,
      })),
    )
    .returning(["id", "effectiveDate"])
    .execute();
  await sql`
    INSERT INTO org_versions (org_id, valid_from, valid_to, name, search_key, type_code, parent_id, event_id)
    SELECT o.id, o.valid_from, NULL, o.name, o.search_key, o.type_code, o.parent_id, e.id
    FROM organisations o
    JOIN org_events e ON e.id = ANY(${events.map((e) => e.id)}::bigint[]) AND e.effective_date = o.valid_from
    WHERE o.id BETWEEN ${first} AND ${last}
  `.execute(trx);
  // The same details the service records for a creation, so the history page reads them alike.
  await sql`
    INSERT INTO org_event_parts (event_id, org_id, role, details)
    SELECT v.event_id, v.org_id, 'subject', jsonb_build_object('newName', o.name, 'newParent', p.name)
    FROM org_versions v
    JOIN organisations o ON o.id = v.org_id
    LEFT JOIN organisations p ON p.id = o.parent_id
    WHERE v.org_id BETWEEN ${first} AND ${last}
  `.execute(trx);
  return { ids, paths };
}

export interface PlannedAccount {
  username: string;
  displayName: string;
  role: Role;
  /** Code of the organisation the role is held over. */
  orgCode: string;
}

/** Inserts accounts (skipping usernames that exist) with their role, all sharing one password hash. */
export async function loadAccounts(
  trx: Transaction<Database>,
  accounts: readonly PlannedAccount[],
  passwordHash: string,
): Promise<number> {
  let inserted = 0;
  for (const [start, end] of batches(accounts.length)) {
    const slice = accounts.slice(start, end);
    const result = await sql`
      INSERT INTO accounts (username, display_name, search_key, password_hash)
      SELECT u.username, u.display_name, u.search_key, ${passwordHash}
      FROM unnest(${slice.map((a) => a.username)}::text[], ${slice.map((a) => a.displayName)}::text[],
                  ${slice.map((a) => toSearchKey(a.displayName))}::text[]) AS u (username, display_name, search_key)
      ON CONFLICT (username) DO NOTHING
    `.execute(trx);
    inserted += Number(result.numAffectedRows ?? 0);
    await sql`
      INSERT INTO role_assignments (account_id, role, org_id)
      SELECT a.id, u.role, o.id
      FROM unnest(${slice.map((a) => a.username)}::text[], ${slice.map((a) => a.role)}::text[],
                  ${slice.map((a) => a.orgCode)}::text[]) AS u (username, role, org_code)
      JOIN accounts a ON a.username = u.username
      JOIN organisations o ON o.code = u.org_code
      ON CONFLICT DO NOTHING
    `.execute(trx);
  }
  return inserted;
}
