// Member name search (GET /api/members?q=…, a page of 50 sorted by name with the capped total) as the
// national administrator and as a commune staff member, in process with app.inject, against the bare
// word-start query on the same text (the members_name_starts index of migration 0008, first 50 by
// sort_key) — the baseline says what the app adds on top of the index.
import { toSearchKey } from "@namro/domain";
import { sql } from "kysely";
import type { Dataset } from "../datasets.ts";
import { type Measurement, measurement, time } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";

const ITERATIONS = 60;

/** What the first hits were, so the table can be read next to the results it timed. */
export const memberSearchSamples: string[] = [];

async function queries(dataset: Dataset): Promise<{ label: string; q: string }[]> {
  const db = dataset.database.db;
  // A real full name from the middle of the table, and its family and given name alone.
  const row = await sql<{ fullName: string; cardNumber: string | null }>`
    SELECT full_name, card_number FROM members WHERE card_number IS NOT NULL
    ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM members)`.execute(db);
  const sample = row.rows[0];
  if (!sample) throw new Error("no members in this dataset: seed with members first");
  const key = toSearchKey(sample.fullName);
  const words = key.split(" ");
  return [
    { label: `full name "${key}"`, q: key },
    { label: `given name "${words.at(-1)}" (very common)`, q: words.at(-1) as string },
    { label: `family + middle "${words[0]} ${words[1]}" (very common)`, q: `${words[0]} ${words[1]}` },
    { label: `2-letter word start "${words.at(-1)?.slice(0, 2)}"`, q: words.at(-1)?.slice(0, 2) as string },
    { label: "card number", q: sample.cardNumber as string },
  ];
}

/** The bare query the list builds on: the index condition, active members, first page by name. */
async function bareQuery(dataset: Dataset, q: string): Promise<void> {
  const key = toSearchKey(q);
  const condition = /^\d+$/.test(q)
    ? sql`card_number = ${q}`
    : sql`member_name_starts(search_key) @@ ${`'${key.replace(/[\\']/g, (c) => `\\${c}`)}':*`}::tsquery`;
  await sql`
    SELECT id, full_name FROM members WHERE ${condition} AND status IN ('probationary', 'full')
    ORDER BY sort_key, id LIMIT 50`.execute(dataset.database.db);
}

export async function memberSearch(dataset: Dataset, fixture: AppFixture): Promise<Measurement[]> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM members`.execute(
    dataset.database.db,
  );
  const total = Number(rows[0]?.n ?? 0);
  // Issue 3: PostgreSQL, 5.6 million members (the national scale).
  const target = dataset.label === "postgres" && dataset.scale === "national" ? 50 : null;
  const result: Measurement[] = [];
  for (const { label, q } of await queries(dataset)) {
    const baseline = await time(() => bareQuery(dataset, q), ITERATIONS, 5);
    for (const session of [fixture.admin, fixture.communeStaff]) {
      const who = session === fixture.admin ? "national admin" : "commune staff";
      const url = `/api/members?q=${encodeURIComponent(q)}`;
      const timing = await time(() => fixture.get(session, url), ITERATIONS, 5);
      const page = (await fixture.get(session, url)) as {
        items: { fullName: string }[];
        total: number;
        totalCapped: boolean;
      };
      memberSearchSamples.push(
        `${dataset.label} ${who} \`${q}\`: ${page.totalCapped ? "> " : ""}${page.total} hits — ${page.items
          .slice(0, 3)
          .map((item) => item.fullName)
          .join("; ")}`,
      );
      result.push(
        measurement(
          `member search ${label}, ${who} (${total.toLocaleString("en")} members)`,
          dataset.label,
          timing,
          "bare word-start SQL, first 50",
          baseline,
          target,
        ),
      );
    }
  }
  return result;
}
