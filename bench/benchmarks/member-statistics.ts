// The statistics page of a province (GET /api/member-statistics?orgId=<province>: every breakdown,
// admissions and losses per year, posts and concurrent posts) as the national administrator, in
// process with app.inject, against one bare aggregate over the same members (count by status). The
// answers are cached while the registry is unchanged (ADR 0010): the target row gives the registry a
// new data version before each read (as any change to it would), so every sample is computed; a second
// row, reported, reads the cached answer.
import { sql } from "kysely";
import type { Dataset } from "../datasets.ts";
import { type Measurement, measurement, time } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";

const ITERATIONS = 20;

export async function memberStatistics(dataset: Dataset, fixture: AppFixture): Promise<Measurement[]> {
  const db = dataset.database.db;
  // The province with the most members (the demo province at the province and national scales).
  const { rows } = await sql<{ id: number; name: string; path: string; n: number }>`
    SELECT r.id, r.name, r.path::text AS path, count(*)::int AS n
    FROM members m JOIN organisations o ON o.id = m.org_id
    JOIN organisations r ON r.parent_id IS NULL AND o.path <@ r.path
    WHERE r.code = 'BN' AND m.status IN ('probationary', 'full')
    GROUP BY r.id, r.name, r.path`.execute(db);
  const province = rows[0];
  if (!province) throw new Error("no members in the demo province: seed with members first");
  const baseline = await time(
    () =>
      sql`SELECT m.status, count(*) FROM members m JOIN organisations o ON o.id = m.org_id
          WHERE o.path <@ ${province.path}::ltree GROUP BY m.status`.execute(db),
    ITERATIONS,
    3,
  );
  const url = `/api/member-statistics?orgId=${province.id}`;
  // What any write to the registry does to the cache (migration 0025's statement triggers).
  const registryChanged = () =>
    sql`INSERT INTO data_versions (name, version) VALUES ('members', nextval('data_version_seq'))
        ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version`.execute(db);
  const computed = await time(
    async () => {
      await registryChanged();
      return fixture.get(fixture.admin, url);
    },
    ITERATIONS,
    3,
  );
  const cached = await time(() => fixture.get(fixture.admin, url), ITERATIONS, 3);
  const target = dataset.label === "postgres" ? 300 : null;
  const label = `member statistics, ${province.name} (${Number(province.n).toLocaleString("en")} active members)`;
  return [
    measurement(
      `${label}, computed (registry changed before each read)`,
      dataset.label,
      computed,
      "bare count by status, same subtree",
      baseline,
      target,
    ),
    measurement(
      `${label}, cached answer`,
      dataset.label,
      cached,
      "bare count by status, same subtree",
      baseline,
      null,
    ),
  ];
}
