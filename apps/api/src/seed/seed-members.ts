// Loads planned members (member-plan.ts) into the cells of one province tree: members, their cell rows,
// events and posts, as arrays through unnest() in batches, with ids assigned here (tables locked) so the
// rows can refer to each other without a round trip per member. One run of a province is recorded in
// system_settings in the same transaction, so running it again adds nothing.
import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { type MemberPlan, type PlanCell, type PlanCommune, planMembers } from "./member-plan.ts";

export const MEMBER_BATCH_SIZE = 10_000;

export interface SeedMembersOptions {
  /** Code of the province committee whose cells receive the members. */
  rootCode: string;
  /** Province code for names, ID numbers and ethnicities (PROVINCES), usually the same as rootCode. */
  provinceCode: string;
  /** Names the run: "demo", "province", "national". */
  run: string;
  /** How many members in all, or how many per cell on average. */
  total: number | { perCell: number };
  today: string;
  /** Offset into the 6-digit number sequences, disjoint for the runs of one province. */
  numberBlock: number;
  posts: boolean;
  fullHistory: boolean;
  featured?: { cellCode: string; secretaryName: string; memberName: string };
}

export interface SeedMembersResult {
  skipped: boolean;
  members: number;
  cellRows: number;
  events: number;
  posts: number;
}

export function memberSeedKey(rootCode: string, run: string): string {
  return `seed_members:${rootCode}:${run}`;
}

export async function membersSeeded(
  trx: Transaction<Database> | import("kysely").Kysely<Database>,
  rootCode: string,
  run: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom("systemSettings")
    .select("key")
    .where("key", "=", memberSeedKey(rootCode, run))
    .executeTakeFirst();
  return row !== undefined;
}

function batches(count: number): [number, number][] {
  const result: [number, number][] = [];
  for (let start = 0; start < count; start += MEMBER_BATCH_SIZE)
    result.push([start, Math.min(count, start + MEMBER_BATCH_SIZE)]);
  return result;
}

/** The cells (types that hold members) and commune committees of the tree under `rootCode`. */
export async function provinceCells(
  trx: Transaction<Database>,
  rootCode: string,
): Promise<{ cells: PlanCell[]; communes: PlanCommune[] }> {
  const root = await trx
    .selectFrom("organisations")
    .select(["id", "path"])
    .where("code", "=", rootCode)
    .executeTakeFirst();
  if (!root) throw new Error(`no organisation with code ${rootCode}`);
  const { rows: communeRows } = await sql<{ id: number; name: string; validFrom: string }>`
    SELECT id, name, valid_from::text AS valid_from FROM organisations
    WHERE type_code = 'dang_uy_xa' AND status = 'active' AND path <@ ${root.path}::ltree
    ORDER BY id`.execute(trx);
  const communes = communeRows.map((c) => ({ id: Number(c.id), name: c.name, validFrom: c.validFrom }));
  const communeIds = new Set(communes.map((c) => c.id));
  const { rows: cellRows } = await sql<{
    id: number;
    code: string;
    name: string;
    validFrom: string;
    path: string;
  }>`
    SELECT c.id, c.code, c.name, c.valid_from::text AS valid_from, c.path::text AS path
    FROM organisations c JOIN org_types t ON t.code = c.type_code
    WHERE t.holds_members AND c.status = 'active' AND c.path <@ ${root.path}::ltree
    ORDER BY c.id`.execute(trx);
  const cells = cellRows.map((c) => {
    const above = c.path.split(".").map(Number);
    const communeId = above.find((id) => communeIds.has(id)) ?? null;
    return { id: Number(c.id), code: c.code, name: c.name, validFrom: c.validFrom, communeId };
  });
  return { cells, communes };
}

export async function nextIds(
  trx: Transaction<Database>,
  table: "members" | "member_events",
): Promise<number> {
  await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  const { rows } = await sql<{
    maxId: number | null;
  }>`SELECT max(id) AS max_id FROM ${sql.table(table)}`.execute(trx);
  return Number(rows[0]?.maxId ?? 0) + 1;
}

/** Writes a plan; member and event ids start at the given bases (see nextMemberIds). */
export async function writeMemberPlan(
  trx: Transaction<Database>,
  plan: MemberPlan,
  memberBase: number,
  eventBase: number,
): Promise<void> {
  const m = plan.members;
  const count = m.orgId.length;
  const ids = Array.from({ length: count }, (_, i) => memberBase + i);
  for (const [s, e] of batches(count)) {
    await sql`
      INSERT INTO members (id, org_id, full_name, search_key, sort_key, sex, birth_date, birth_place, home_town,
        ethnicity, religion, citizen_id, card_number, admitted_on, full_member_on, education_general,
        education_professional, theory_level, occupation, status, status_since, activity, awards, discipline)
      OVERRIDING SYSTEM VALUE
      SELECT u.id, u.org_id, u.full_name, u.search_key, u.sort_key, u.sex, u.birth_date::date, u.birth_place,
        u.home_town, u.ethnicity, u.religion, u.citizen_id, u.card_number, u.admitted_on::date,
        u.full_member_on::date, u.education_general, u.education_professional, u.theory_level, u.occupation,
        u.status, u.status_since::date, u.activity, u.awards, u.discipline
      FROM unnest(
        ${ids.slice(s, e)}::bigint[], ${m.orgId.slice(s, e)}::bigint[], ${m.fullName.slice(s, e)}::text[],
        ${m.searchKey.slice(s, e)}::text[], ${m.sortKey.slice(s, e)}::text[], ${m.sex.slice(s, e)}::text[],
        ${m.birthDate.slice(s, e)}::text[], ${m.birthPlace.slice(s, e)}::text[], ${m.homeTown.slice(s, e)}::text[],
        ${m.ethnicity.slice(s, e)}::text[], ${m.religion.slice(s, e)}::text[], ${m.citizenId.slice(s, e)}::text[],
        ${m.cardNumber.slice(s, e)}::text[], ${m.admittedOn.slice(s, e)}::text[],
        ${m.fullMemberOn.slice(s, e)}::text[], ${m.educationGeneral.slice(s, e)}::text[],
        ${m.educationProfessional.slice(s, e)}::text[], ${m.theoryLevel.slice(s, e)}::text[],
        ${m.occupation.slice(s, e)}::text[], ${m.status.slice(s, e)}::text[], ${m.statusSince.slice(s, e)}::text[],
        ${m.activity.slice(s, e)}::text[], ${m.awards.slice(s, e)}::text[], ${m.discipline.slice(s, e)}::text[]
      ) AS u (id, org_id, full_name, search_key, sort_key, sex, birth_date, birth_place, home_town, ethnicity,
        religion, citizen_id, card_number, admitted_on, full_member_on, education_general, education_professional,
        theory_level, occupation, status, status_since, activity, awards, discipline)
    `.execute(trx);
  }
  if (count > 0)
    await sql`SELECT setval(pg_get_serial_sequence('members', 'id'), ${memberBase + count - 1}::bigint)`.execute(
      trx,
    );

  const ev = plan.events;
  const eventCount = ev.member.length;
  for (const [s, e] of batches(eventCount)) {
    await sql`
      INSERT INTO member_events (id, member_id, kind, occurred_on, state, from_org_id, to_org_id, decision_ref,
        note, status_before, status_after, decided_at)
      OVERRIDING SYSTEM VALUE
      SELECT u.id, u.member_id, u.kind, u.occurred_on::date, 'done', u.from_org_id, u.to_org_id, u.decision_ref,
        u.note, u.status_before, u.status_after,
        CASE WHEN u.kind = 'transfer_internal' THEN u.occurred_on::timestamptz END
      FROM unnest(
        ${Array.from({ length: e - s }, (_, i) => eventBase + s + i)}::bigint[],
        ${ev.member.slice(s, e).map((i) => memberBase + i)}::bigint[], ${ev.kind.slice(s, e)}::text[],
        ${ev.occurredOn.slice(s, e)}::text[], ${ev.fromOrgId.slice(s, e)}::bigint[],
        ${ev.toOrgId.slice(s, e)}::bigint[], ${ev.decisionRef.slice(s, e)}::text[], ${ev.note.slice(s, e)}::text[],
        ${ev.statusBefore.slice(s, e)}::text[], ${ev.statusAfter.slice(s, e)}::text[]
      ) AS u (id, member_id, kind, occurred_on, from_org_id, to_org_id, decision_ref, note, status_before,
        status_after)
    `.execute(trx);
  }
  if (eventCount > 0)
    await sql`SELECT setval(pg_get_serial_sequence('member_events', 'id'), ${eventBase + eventCount - 1}::bigint)`.execute(
      trx,
    );

  const c = plan.cells;
  for (const [s, e] of batches(c.member.length)) {
    await sql`
      INSERT INTO member_cells (member_id, org_id, valid_from, valid_to, event_id)
      SELECT u.member_id, u.org_id, u.valid_from::date, u.valid_to::date, u.event_id
      FROM unnest(
        ${c.member.slice(s, e).map((i) => memberBase + i)}::bigint[], ${c.orgId.slice(s, e)}::bigint[],
        ${c.validFrom.slice(s, e)}::text[], ${c.validTo.slice(s, e)}::text[],
        ${c.event.slice(s, e).map((i) => (i === null ? null : eventBase + i))}::bigint[]
      ) AS u (member_id, org_id, valid_from, valid_to, event_id)
    `.execute(trx);
  }

  const p = plan.posts;
  for (const [s, e] of batches(p.member.length)) {
    await sql`
      INSERT INTO member_posts (member_id, post_type, org_id, held_at, started_on)
      SELECT u.member_id, u.post_type, u.org_id, u.held_at, u.started_on::date
      FROM unnest(
        ${p.member.slice(s, e).map((i) => memberBase + i)}::bigint[], ${p.postType.slice(s, e)}::text[],
        ${p.orgId.slice(s, e)}::bigint[], ${p.heldAt.slice(s, e)}::text[], ${p.startedOn.slice(s, e)}::text[]
      ) AS u (member_id, post_type, org_id, held_at, started_on)
    `.execute(trx);
  }
}

/**
 * Plans and loads the members of one run into a province, inside the caller's transaction; a run that is
 * already recorded is skipped.
 */
export async function seedMembers(
  trx: Transaction<Database>,
  options: SeedMembersOptions,
): Promise<SeedMembersResult> {
  const none = { members: 0, cellRows: 0, events: 0, posts: 0 };
  if (await membersSeeded(trx, options.rootCode, options.run)) return { skipped: true, ...none };
  const { cells, communes } = await provinceCells(trx, options.rootCode);
  const featuredCell = options.featured
    ? cells.find((c) => c.code === options.featured?.cellCode)
    : undefined;
  const plan = planMembers(cells, communes, {
    provinceCode: options.provinceCode,
    run: options.run,
    total:
      typeof options.total === "number" ? options.total : Math.round(options.total.perCell * cells.length),
    today: options.today,
    numberBlock: options.numberBlock,
    posts: options.posts,
    fullHistory: options.fullHistory,
    ...(featuredCell && options.featured
      ? {
          featured: {
            cellId: featuredCell.id,
            secretaryName: options.featured.secretaryName,
            memberName: options.featured.memberName,
          },
        }
      : {}),
  });
  const memberBase = await nextIds(trx, "members");
  const eventBase = await nextIds(trx, "member_events");
  await writeMemberPlan(trx, plan, memberBase, eventBase);
  const result = {
    skipped: false,
    members: plan.members.orgId.length,
    cellRows: plan.cells.member.length,
    events: plan.events.member.length,
    posts: plan.posts.member.length,
  };
  await trx
    .insertInto("systemSettings")
    .values({
      key: memberSeedKey(options.rootCode, options.run),
      value: JSON.stringify({ ...result, today: options.today, seededAt: new Date().toISOString() }),
    })
    .execute();
  return result;
}
