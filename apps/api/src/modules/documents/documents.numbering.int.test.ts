// Per-term numbering against a model: random sequences of registrations (numbered by hand or given the
// next number, in two terms, of types sharing or not sharing a series) must give exactly the numbers
// the model expects and refuse exactly the duplicates it predicts.
import type { DocumentDetail } from "@namro/contracts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let admin: TestSession;
/** Type id by name, and the series (abbreviation) it numbers in. */
const TYPES: Record<string, { abbreviation: string; id: number }> = {};

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-01T03:00:00Z" });
  fx = await createProvince(t.database.db);
  admin = await t.actor([{ role: "system_admin", orgId: fx.province.id }]);
  const rows = await t.database.db
    .selectFrom("documentTypes")
    .select(["id", "abbreviation", "nameVi"])
    .where("system", "=", "party")
    .where("abbreviation", "in", ["KH", "QĐ", "BC"])
    .execute();
  for (const row of rows) TYPES[row.nameVi] = { abbreviation: row.abbreviation, id: row.id };
});
afterAll(async () => {
  await t.close();
});

const TERMS = [
  { startsOn: "2020-08-01", endsOn: "2025-07-31", dates: ["2021-03-01", "2024-11-20"] },
  { startsOn: "2025-08-01", endsOn: null, dates: ["2025-09-09", "2026-05-30"] },
] as const;

const step = fc.record({
  type: fc.constantFrom("Kế hoạch", "Quyết định", "Quy định", "Báo cáo"),
  term: fc.constantFrom(0, 1),
  date: fc.constantFrom(0, 1),
  /** null: ask for the next number; else a number given by hand. */
  number: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null, freq: 2 }),
});

describe("numbering", () => {
  it("follows the model: next = highest of the series in the term + 1, duplicates refused", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 12 }), async (steps) => {
        const commune = await createOrg(t.database.db, fx.province, { typeCode: "dang_uy_xa" });
        for (const term of TERMS) {
          const response = await t.call(admin, {
            method: "POST",
            url: "/api/committee-terms",
            payload: {
              orgId: commune.id,
              label: `Nhiệm kỳ ${term.startsOn}`,
              startsOn: term.startsOn,
              endsOn: term.endsOn,
            },
          });
          expect(response.statusCode).toBe(201);
        }
        const model = new Map<string, Set<number>>();
        for (const s of steps) {
          const type = TYPES[s.type] as { abbreviation: string; id: number };
          const series = `${s.term}|${type.abbreviation}`;
          const taken = model.get(series) ?? new Set<number>();
          const response = await t.call(admin, {
            method: "POST",
            url: "/api/documents",
            payload: {
              typeId: type.id,
              number: s.number === null ? null : String(s.number),
              issuerCodes: ["ĐU"],
              issuingOrgId: commune.id,
              ownerOrgId: commune.id,
              issuedOn: TERMS[s.term]?.dates[s.date],
              subject: `${s.type} kiểm thử`,
            },
          });
          if (s.number !== null && taken.has(s.number)) {
            expect(response.statusCode).toBe(409);
            continue;
          }
          expect(response.statusCode, response.body).toBe(201);
          const expected = s.number ?? Math.max(0, ...taken) + 1;
          const symbol = (response.json() as DocumentDetail).symbol;
          expect(symbol).toBe(`${String(expected).padStart(2, "0")}-${type.abbreviation}/ĐU`);
          taken.add(expected);
          model.set(series, taken);
        }
      }),
      { numRuns: 6, seed: 20260601 },
    );
  });
});
