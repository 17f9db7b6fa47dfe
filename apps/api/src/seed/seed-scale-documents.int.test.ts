import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { seedDemoIfEmpty } from "./demo-seed.ts";
import type { RegisterSize } from "./scale-documents.ts";
import { CONGRESS_PROGRAMME_DEADLINE, seedScaleDocuments } from "./seed-scale-documents.ts";

const quiet = () => {};
/** The national shape at a size a test can afford: a few documents per commune, two cascaded plans. */
const TINY: RegisterSize = { provinceDocuments: 30, communeDocuments: [3, 5], cascadedPlans: 2 };

/** What a run wrote, in a form two databases can be compared by (ids differ only if the runs do). */
async function registerSnapshot(handle: DatabaseHandle) {
  const { rows } = await sql<{ symbol: string | null; issuedOn: string; code: string; body: string }>`
    SELECT d.symbol, d.issued_on::text AS issued_on, o.code, md5(coalesce(b.body, '')) AS body,
      (SELECT string_agg(r.kind || ':' || coalesce(t.symbol, t.citation), ',' ORDER BY r.kind, t.symbol)
       FROM document_relations r JOIN documents t ON t.id = r.to_document_id WHERE r.from_document_id = d.id) AS relations
    FROM documents d JOIN organisations o ON o.id = d.owner_org_id
    LEFT JOIN document_texts b ON b.document_id = d.id ORDER BY d.id`.execute(handle.db);
  return rows;
}

describe("bulk register (seedScaleDocuments)", () => {
  const handles: DatabaseHandle[] = [];
  let db: DatabaseHandle["db"];
  let demoDocuments = 0;
  let demoLastCascade = 0;

  beforeAll(async () => {
    const handle = await openTestDatabase();
    handles.push(handle);
    db = handle.db;
    await seedDemoIfEmpty(db, quiet);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM documents`.execute(db);
    demoDocuments = rows[0]?.n ?? 0;
    const cascades = await sql<{ last: number }>`SELECT max(id)::int AS last FROM document_cascades`.execute(
      db,
    );
    demoLastCascade = cascades.rows[0]?.last ?? 0;
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
  });

  it("loads the province's register once: running it again adds nothing", async () => {
    const first = await seedScaleDocuments(db, "province", quiet, TINY);
    // 30 provincial documents, 2 cascaded plans, 3–5 documents per commune (60 communes).
    expect(first.documents).toBeGreaterThanOrEqual(30 + 2 + 60 * 3);
    expect(first.documents).toBeLessThanOrEqual(30 + 2 + 60 * 5);
    expect(first.cascades).toBe(2);
    expect(first.targets).toBe(120);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM documents`.execute(db);
    expect(rows[0]?.n).toBe(demoDocuments + first.documents);

    const second = await seedScaleDocuments(db, "province", quiet, TINY);
    expect(second).toMatchObject({ documents: 0, relations: 0, cascades: 0, provincesSkipped: 1 });
    const again = await sql<{ n: number }>`SELECT count(*)::int AS n FROM documents`.execute(db);
    expect(again.rows[0]?.n).toBe(rows[0]?.n);
  });

  it("keeps relations and cascades consistent: commune plans implement a plan that requires them", async () => {
    // Every commune document implementing a provincial document implements one with a cascade naming it.
    const { rows: strays } = await sql<{ id: number }>`
      SELECT f.id FROM document_relations r
      JOIN documents f ON f.id = r.from_document_id
      JOIN organisations o ON o.id = f.issuing_org_id AND o.type_code = 'dang_uy_xa'
      JOIN documents t ON t.id = r.to_document_id AND t.issuing_org_id IS NOT NULL
      WHERE r.kind = 'implements' AND NOT EXISTS (
        SELECT 1 FROM document_cascades c JOIN document_cascade_targets ct ON ct.cascade_id = c.id
        WHERE c.document_id = t.id AND ct.org_id = f.issuing_org_id)`.execute(db);
    expect(strays).toEqual([]);
    // Each bulk cascade requires every active commune of the province.
    const { rows: cascades } = await sql<{ targets: number; implemented: number }>`
      SELECT count(*)::int AS targets,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM document_relations r JOIN documents f ON f.id = r.from_document_id
          WHERE r.to_document_id = c.document_id AND r.kind = 'implements' AND f.issuing_org_id = ct.org_id))::int AS implemented
      FROM document_cascades c JOIN document_cascade_targets ct ON ct.cascade_id = c.id
      WHERE c.id > ${demoLastCascade}
      GROUP BY c.id`.execute(db);
    expect(cascades).toHaveLength(2);
    for (const cascade of cascades) {
      expect(cascade.targets).toBe(60);
      expect(cascade.implemented).toBeGreaterThan(0);
    }
    // Quotes are exactly where the texts have them; every document is searchable; numbers are unique
    // within their series (the number key) and every bulk document has one.
    const { rows: badQuotes } = await sql<{ id: number }>`
      SELECT r.id FROM document_relations r JOIN document_texts b ON b.document_id = r.from_document_id
      WHERE r.origin = 'text' AND substr(b.body, r.quote_start + 1, r.quote_end - r.quote_start) <> r.quote`.execute(
      db,
    );
    expect(badQuotes).toEqual([]);
    const { rows: checks } = await sql<{ empty: number; unnumbered: number }>`
      SELECT count(*) FILTER (WHERE search_tsv = ''::tsvector)::int AS empty,
        count(*) FILTER (WHERE number_key IS NULL AND NOT is_placeholder AND citation IS NULL)::int AS unnumbered
      FROM documents`.execute(db);
    expect(checks[0]).toEqual({ empty: 0, unnumbered: 0 });
  });

  it("adds, at national scale, one cascade of the congress resolution over every provincial and commune committee", async () => {
    const result = await seedScaleDocuments(db, "national", quiet, TINY);
    expect(result.documents).toBe(0);
    expect(result.provincesSkipped).toBe(1);
    expect(result.cascades).toBe(1);
    const { rows } = await sql<{ targets: number; deadline: string }>`
      SELECT count(*)::int AS targets, c.deadline::text AS deadline
      FROM documents d JOIN document_cascades c ON c.document_id = d.id
      JOIN document_cascade_targets t ON t.cascade_id = c.id
      WHERE d.citation_key LIKE 'NQ|congress:XIV|r:%' GROUP BY c.id, c.deadline`.execute(db);
    expect(rows).toEqual([{ targets: 61, deadline: CONGRESS_PROGRAMME_DEADLINE }]);
    expect((await seedScaleDocuments(db, "national", quiet, TINY)).cascades).toBe(0);
  });

  it("writes the same register in a fresh database", async () => {
    const handle = await openTestDatabase();
    handles.push(handle);
    await seedDemoIfEmpty(handle.db, quiet);
    await seedScaleDocuments(handle.db, "province", quiet, TINY);
    const [first, second] = [
      await registerSnapshot(handles[0] as DatabaseHandle),
      await registerSnapshot(handle),
    ];
    // The first database has the national cascade on top, which adds no documents.
    expect(second.length).toBeGreaterThan(demoDocuments);
    expect(second).toEqual(first);
  });
});
