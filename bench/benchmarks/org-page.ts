// One organisation page through the API (GET /api/organisations/:id: details, path, children), in
// process with app.inject — no socket, so add the network on top — against GET /api/system, which
// reaches no database, through the same path.
import { sql } from "kysely";
import type { Dataset } from "../datasets.ts";
import { type Measurement, measurement, time } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";

const ITERATIONS = 150;

async function orgsUnder(dataset: Dataset, rootId: number, count: number): Promise<number[]> {
  // Spread over the levels: the scope root, its committees and departments, cells (every n-th by id).
  const result = await sql<{ id: number }>`
    SELECT id FROM (
      SELECT o.id, row_number() OVER (ORDER BY o.id) AS n, count(*) OVER () AS total
      FROM organisations o, organisations r
      WHERE r.id = ${rootId} AND o.path <@ r.path AND o.status = 'active'
    ) s WHERE n = 1 OR n % greatest(1, total / ${count}) = 0 ORDER BY id LIMIT ${count}`.execute(
    dataset.database.db,
  );
  return result.rows.map((r) => r.id);
}

export async function orgPage(dataset: Dataset, fixture: AppFixture): Promise<Measurement[]> {
  const baseline = await time(() => fixture.get(null, "/api/system"), ITERATIONS * 2, 20);
  // The admin's pages include every province root (the largest pages: ~100–300 children each).
  const provinceRoots = (
    await sql<{ id: number }>`SELECT id FROM organisations WHERE parent_id IS NULL ORDER BY id`.execute(
      dataset.database.db,
    )
  ).rows.map((r) => r.id);
  const adminIds = [...provinceRoots, ...(await orgsUnder(dataset, fixture.admin.scopeOrgId, 60))];
  const staffIds = await orgsUnder(dataset, fixture.communeStaff.scopeOrgId, 40);
  // Issue 2: PostgreSQL, national tree.
  const target = dataset.label === "postgres" && dataset.scale === "national" ? 30 : null;
  const admin = await time(
    (i) => fixture.get(fixture.admin, `/api/organisations/${adminIds[i % adminIds.length]}`),
    ITERATIONS,
    10,
  );
  const staff = await time(
    (i) => fixture.get(fixture.communeStaff, `/api/organisations/${staffIds[i % staffIds.length]}`),
    ITERATIONS,
    10,
  );
  const base = "GET /api/system";
  return [
    measurement("org page, national admin (inject)", dataset.label, admin, base, baseline, target),
    measurement("org page, commune staff (inject)", dataset.label, staff, base, baseline, target),
  ];
}
