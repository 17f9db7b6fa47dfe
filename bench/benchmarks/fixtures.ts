// Shared inputs: a deterministic sample of organisations across the tree, and a signed-in app.
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../apps/api/src/db/schema.ts";

/** Every n-th organisation by id: provinces, communes and cells in their natural proportions. */
export async function sampleOrgs(
  db: Kysely<Database>,
  count: number,
): Promise<{ id: number; path: string }[]> {
  const result = await sql<{ id: number; path: string }>`
    SELECT id, path::text AS path FROM (
      SELECT id, path, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
      FROM organisations WHERE status = 'active'
    ) s WHERE n % greatest(1, total / ${count}) = 0 ORDER BY id LIMIT ${count}`.execute(db);
  return result.rows;
}
