// Diacritics-free organisation search over the whole tree (GET /api/organisations/search) as the
// national administrator, in process with app.inject, against the no-op GET /api/system.
import { toSearchKey } from "@namro/domain";
import { sql } from "kysely";
import type { Dataset } from "../datasets.ts";
import { type Measurement, measurement, time } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";

const ITERATIONS = 60;

async function queries(dataset: Dataset): Promise<{ label: string; q: string }[]> {
  const db = dataset.database.db;
  // A commune far from the first one, by its place name without diacritics ("Đảng ủy xã Mỹ Kiều" → "my kieu").
  const commune = await sql<{ name: string; code: string }>`
    SELECT name, code FROM organisations WHERE type_code = 'dang_uy_xa' AND status = 'active'
    ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM organisations WHERE type_code = 'dang_uy_xa')`.execute(
    db,
  );
  const row = commune.rows[0];
  if (!row) throw new Error("no commune in this dataset");
  const place = toSearchKey(row.name).replace(/^dang uy (xa|phuong|dac khu) /, "");
  return [
    { label: `commune name "${place}"`, q: place },
    { label: `"chi bo thon"`, q: "chi bo thon" },
    { label: `"chi bo" (matches most rows)`, q: "chi bo" },
    { label: `code "${row.code.toLowerCase()}"`, q: row.code.toLowerCase() },
    { label: `2-letter prefix "ha"`, q: "ha" },
  ];
}

/** What the first hits were, so the table can be read next to the results it timed. */
export const searchSamples: string[] = [];

export async function search(dataset: Dataset, fixture: AppFixture): Promise<Measurement[]> {
  const baseline = await time(() => fixture.get(null, "/api/system"), ITERATIONS * 2, 20);
  // Issue 2: PostgreSQL, national tree.
  const target = dataset.label === "postgres" && dataset.scale === "national" ? 50 : null;
  const rows: Measurement[] = [];
  for (const { label, q } of await queries(dataset)) {
    const url = `/api/organisations/search?q=${encodeURIComponent(q)}`;
    const timing = await time(() => fixture.get(fixture.admin, url), ITERATIONS, 5);
    const { items } = (await fixture.get(fixture.admin, url)) as { items: { name: string }[] };
    searchSamples.push(
      `${dataset.label} \`${q}\`: ${items.length} hits — ${items
        .slice(0, 3)
        .map((item) => item.name)
        .join("; ")}`,
    );
    rows.push(measurement(`search ${label}`, dataset.label, timing, "GET /api/system", baseline, target));
  }
  return rows;
}
