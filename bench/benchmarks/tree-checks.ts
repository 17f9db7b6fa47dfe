// Subtree and ancestor checks: the scope filter the app runs (`path <@ ANY($scopes)`, through the
// organisations repository) and the ancestors of an organisation by path, against a primary-key
// lookup of the same row.
import { sql } from "kysely";
import {
  findOrganisation,
  findVisibleIds,
} from "../../apps/api/src/modules/organisations/organisations.repository.ts";
import type { Dataset } from "../datasets.ts";
import { type Measurement, measurement, time } from "../stats.ts";
import { sampleOrgs } from "./fixtures.ts";

const ITERATIONS = 400;

export async function treeChecks(dataset: Dataset): Promise<Measurement[]> {
  const db = dataset.database.db;
  const orgs = await sampleOrgs(db, 200);
  // A commune scope and a province scope, as a staff member holding both would have.
  const scopes = (
    await sql<{ path: string }>`
      (SELECT path::text AS path FROM organisations WHERE type_code = 'dang_uy_xa' ORDER BY id LIMIT 1 OFFSET 3)
      UNION ALL
      (SELECT path::text FROM organisations WHERE parent_id IS NULL ORDER BY id DESC LIMIT 1)`.execute(db)
  ).rows.map((r) => r.path);
  const pick = (i: number) => orgs[i % orgs.length] as { id: number; path: string };
  // Issue 2 sets these on the national tree; smaller trees are reported.
  const target = dataset.scale !== "national" ? null : dataset.label === "postgres" ? 2 : 5;

  const baseline = await time((i) => findOrganisation(db, pick(i).id), ITERATIONS, 20);
  const subtree = await time((i) => findVisibleIds(db, [pick(i).id], scopes), ITERATIONS, 20);
  const ancestors = await time(
    (i) =>
      sql`SELECT a.id, a.name, a.type_code FROM organisations a
          WHERE a.path @> ${pick(i).path}::ltree ORDER BY nlevel(a.path)`.execute(db),
    ITERATIONS,
    20,
  );
  const base = "primary-key lookup";
  return [
    measurement("subtree check (path <@ ANY(scopes))", dataset.label, subtree, base, baseline, target),
    measurement("ancestors by path (path @>)", dataset.label, ancestors, base, baseline, target),
  ];
}
