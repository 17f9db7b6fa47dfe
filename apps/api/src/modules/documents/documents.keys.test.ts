import { extractReferences, padDocumentNumber } from "@namro/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalCitation,
  chooseCandidate,
  citationKeyOf,
  type MatchCandidate,
  numberKeyOf,
  referenceLookupOf,
  rootOrgIdOf,
} from "./documents.keys.ts";

const onlyReference = (text: string) => {
  const [reference] = extractReferences(text);
  if (!reference) throw new Error(`no reference in ${text}`);
  return reference;
};

describe("numberKeyOf", () => {
  const base = {
    system: "party" as const,
    typeAbbreviation: "KL",
    leadIssuer: "TW",
    issuedOn: "2021-10-25",
    rootOrgId: null,
  };

  it("scopes a Party number by its term, written as a plain integer", () => {
    expect(numberKeyOf({ ...base, number: "21", termId: 3 })).toBe("party|KL|21|TW|t:3");
    expect(numberKeyOf({ ...base, number: "05", termId: 3 })).toBe(
      numberKeyOf({ ...base, number: "5", termId: 3 }),
    );
  });

  it("falls back to the issue year without a term, and to the number's own year for state numbers", () => {
    expect(numberKeyOf({ ...base, number: "21", termId: null })).toBe("party|KL|21|TW|y:2021");
    expect(
      numberKeyOf({
        system: "state",
        typeAbbreviation: "NĐ",
        number: "30/2020",
        leadIssuer: "CP",
        termId: null,
        issuedOn: "2021-03-05",
        rootOrgId: null,
      }),
    ).toBe("state|NĐ|30|CP|y:2020");
    expect(
      numberKeyOf({
        system: "state",
        typeAbbreviation: "QĐ",
        number: "1234",
        leadIssuer: "UBND",
        termId: null,
        issuedOn: "2024-02-05",
        rootOrgId: null,
      }),
    ).toBe("state|QĐ|1234|UBND|y:2024");
  });

  it("scopes a local body's number by the holding organisation when its term is not known", () => {
    const local = { ...base, typeAbbreviation: "KH", leadIssuer: "TU", number: "05", holderOrgId: 12 };
    expect(numberKeyOf({ ...local, termId: null })).toBe("party|KH|5|TU|y:2021|o:12");
    expect(numberKeyOf({ ...local, termId: 4 })).toBe("party|KH|5|TU|t:4");
  });

  it("scopes a document issued outside the tree by the holder's top-level organisation", () => {
    expect(numberKeyOf({ ...base, number: "21", termId: 3, rootOrgId: 7 })).toBe("party|KL|21|TW|t:3|r:7");
    expect(numberKeyOf({ ...base, number: "21", termId: 3, rootOrgId: 7 })).not.toBe(
      numberKeyOf({ ...base, number: "21", termId: 3, rootOrgId: 8 }),
    );
    const local = { ...base, typeAbbreviation: "KH", leadIssuer: "TU", number: "05", holderOrgId: 12 };
    expect(numberKeyOf({ ...local, termId: null, rootOrgId: 7 })).toBe("party|KH|5|TU|y:2021|o:12|r:7");
    expect(rootOrgIdOf("7.120.4411")).toBe(7);
    expect(rootOrgIdOf("7")).toBe(7);
  });

  it("is null when neither a term nor a date is known", () => {
    expect(numberKeyOf({ ...base, number: "21", termId: null, issuedOn: null })).toBeNull();
  });
});

describe("numberKeyOf as a property", () => {
  const parts = fc.record({
    number: fc.integer({ min: 1, max: 9999 }),
    type: fc.constantFrom("KL", "KH", "QĐ", "CT"),
    lead: fc.constantFrom("TW", "TU", "ĐU"),
    termId: fc.integer({ min: 1, max: 50 }),
  });
  const key = (
    p: { number: number; type: string; lead: string; termId: number },
    written = String(p.number),
  ) =>
    numberKeyOf({
      system: "party",
      typeAbbreviation: p.type,
      number: written,
      leadIssuer: p.lead,
      termId: p.termId,
      issuedOn: "2024-01-01",
      rootOrgId: null,
    });

  it("is the same however the number is padded, and differs when the series or the number differs", () => {
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        if (key(a) !== key(a, padDocumentNumber(a.number))) return false;
        const sameSeries = a.type === b.type && a.lead === b.lead && a.termId === b.termId;
        return (key(a) === key(b)) === (sameSeries && a.number === b.number);
      }),
    );
  });
});

describe("citation keys", () => {
  it("name a plenum with its term, or a congress", () => {
    expect(citationKeyOf(onlyReference("Nghị quyết Trung ương 4 (khóa XII)"))).toBe("NQ|plenum:4|term:XII");
    expect(
      citationKeyOf(onlyReference("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII")),
    ).toBe("NQ|plenum:4|term:XII");
    expect(citationKeyOf(onlyReference("Nghị quyết Đại hội XIV"))).toBe("NQ|congress:XIV");
    expect(citationKeyOf(onlyReference("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"))).toBe(
      "NQ|congress:XIV",
    );
    expect(citationKeyOf(onlyReference("Kết luận số 21-KL/TW"))).toBeNull();
  });

  it("write the canonical citation", () => {
    const reference = onlyReference("Nghị quyết Hội nghị Trung ương lần thứ 5 khóa 13");
    expect(canonicalCitation("Nghị quyết", reference)).toBe("Nghị quyết Trung ương 5 (khóa XIII)");
    expect(canonicalCitation("Nghị quyết", onlyReference("Nghị quyết Đại hội 14"))).toBe(
      "Nghị quyết Đại hội XIV",
    );
  });
});

describe("referenceLookupOf", () => {
  it("looks a Party number up by type, padded number and lead issuer", () => {
    expect(referenceLookupOf(onlyReference("Chỉ thị 5-CT/TW"))).toEqual({
      kind: "party",
      typeAbbreviation: "CT",
      number: "05",
      leadIssuer: "TW",
    });
    expect(referenceLookupOf(onlyReference("Quy chế 05-QC/BTCTU-BDVTU"))).toMatchObject({
      leadIssuer: "BTCTU",
    });
  });

  it("looks a state number up by its symbol, a named document by its citation key", () => {
    expect(referenceLookupOf(onlyReference("Nghị định 30/2020/NĐ-CP"))).toEqual({
      kind: "state",
      symbol: "30/2020/NĐ-CP",
    });
    expect(referenceLookupOf(onlyReference("Nghị quyết Đại hội XIV"))).toEqual({
      kind: "named",
      citationKey: "NQ|congress:XIV",
    });
  });
});

describe("chooseCandidate", () => {
  const c = (
    id: number,
    issuedOn: string,
    term: [string, string | null],
    visible = true,
  ): MatchCandidate => ({
    id,
    issuedOn,
    termStartsOn: term[0],
    termEndsOn: term[1],
    visible,
    holderDistance: 0,
  });
  const older = c(1, "2018-03-01", ["2016-01-29", "2021-02-01"]);
  const newer = c(2, "2022-05-01", ["2021-02-02", "2026-01-23"]);

  it("takes the one whose term contains the reference's date, else the latest", () => {
    expect(chooseCandidate([older, newer], "2019-01-01")?.id).toBe(1);
    expect(chooseCandidate([older, newer], "2023-01-01")?.id).toBe(2);
    expect(chooseCandidate([older, newer], null)?.id).toBe(2);
    expect(chooseCandidate([], null)).toBeNull();
  });

  it("prefers the exact issue date, and a document the reader may see", () => {
    const sameTerm = c(3, "2017-06-01", ["2016-01-29", "2021-02-01"]);
    expect(chooseCandidate([older, sameTerm], "2017-06-01")?.id).toBe(3);
    expect(chooseCandidate([{ ...older, visible: false }, newer], "2019-01-01")?.id).toBe(2);
  });

  it("prefers the holder nearest the citing document's before the date rule", () => {
    const far = { ...c(4, "2019-01-01", ["2016-01-29", "2021-02-01"]), holderDistance: 2 };
    const near = { ...newer, holderDistance: 1 };
    expect(chooseCandidate([far, near], "2019-01-01")?.id).toBe(2);
    expect(
      chooseCandidate(
        [
          { ...far, visible: true },
          { ...near, visible: false },
        ],
        "2019-01-01",
      )?.id,
    ).toBe(4);
  });
});
