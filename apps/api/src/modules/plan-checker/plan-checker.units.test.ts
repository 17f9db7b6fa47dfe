import type { OrgSearchHit } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { chooseCandidate, matchUnits } from "./plan-checker.units.ts";

const hit = (id: number, name: string, pathNames: string[]): OrgSearchHit => ({
  id,
  code: `C${id}`,
  name,
  typeCode: "ban_to_chuc",
  parentId: null,
  status: "active",
  validFrom: "2020-01-01",
  validTo: null,
  childCount: 0,
  pathNames,
});

const province = { id: 1, name: "Tỉnh ủy Bắc Ninh" };

describe("chooseCandidate", () => {
  it("takes the one organisation under the committee bearing the name, diacritics and case aside", () => {
    const hits = [
      hit(5, "Ban Tổ chức Tỉnh ủy", ["Tỉnh ủy Bắc Ninh"]),
      hit(9, "Ban Tổ chức Tỉnh ủy", ["Tỉnh ủy Hà Nam"]),
    ];
    expect(chooseCandidate("Ban tổ chức tỉnh ủy", hits, province)).toBe(5);
    expect(chooseCandidate("Ban To chuc Tinh uy", hits, province)).toBe(5);
  });

  it("takes the one whose name the written one begins", () => {
    expect(
      chooseCandidate("Ban Tổ chức", [hit(5, "Ban Tổ chức Tỉnh ủy", ["Tỉnh ủy Bắc Ninh"])], province),
    ).toBe(5);
  });

  it("leaves the choice to the person when it cannot tell", () => {
    const two = [
      hit(5, "Văn phòng Đảng ủy xã A", ["Tỉnh ủy Bắc Ninh"]),
      hit(6, "Văn phòng Đảng ủy xã B", ["Tỉnh ủy Bắc Ninh"]),
    ];
    expect(chooseCandidate("Văn phòng", two, province)).toBeNull();
    const twins = [
      hit(5, "Văn phòng Tỉnh ủy", ["Tỉnh ủy Bắc Ninh"]),
      hit(6, "Văn phòng Tỉnh ủy", ["Tỉnh ủy Bắc Ninh"]),
    ];
    expect(chooseCandidate("Văn phòng Tỉnh ủy", twins, province)).toBeNull();
    // a name ending inside a word of another ("Ban Tổ ch" of "Ban Tổ chức") is no match
    expect(
      chooseCandidate("Ban Tổ ch", [hit(5, "Ban Tổ chức Tỉnh ủy", ["Tỉnh ủy Bắc Ninh"])], province),
    ).toBeNull();
    // outside the committee: offered, never chosen
    expect(
      chooseCandidate("Ban Tổ chức Tỉnh ủy", [hit(9, "Ban Tổ chức Tỉnh ủy", ["Tỉnh ủy Hà Nam"])], province),
    ).toBeNull();
  });
});

describe("matchUnits", () => {
  it("looks each distinct named unit up once, generic ones never, candidates under the committee first", async () => {
    const asked: string[] = [];
    const matches = await matchUnits(
      [
        { text: "VPTU", start: 0, end: 4, name: "Văn phòng Tỉnh ủy", generic: false },
        { text: "Văn phòng Tỉnh ủy", start: 9, end: 26, name: "Văn phòng Tỉnh ủy", generic: false },
        { text: "các cơ quan liên quan", start: 30, end: 51, name: "các cơ quan liên quan", generic: true },
      ],
      async (q) => {
        asked.push(q);
        return [
          hit(9, "Văn phòng Tỉnh ủy", ["Tỉnh ủy Hà Nam"]),
          hit(5, "Văn phòng Tỉnh ủy", ["Tỉnh ủy Bắc Ninh"]),
        ];
      },
      province,
    );
    expect(asked).toEqual(["Văn phòng Tỉnh ủy"]);
    expect(matches).toEqual([
      {
        name: "Văn phòng Tỉnh ủy",
        orgId: 5,
        candidates: [
          { id: 5, name: "Văn phòng Tỉnh ủy", pathNames: ["Tỉnh ủy Bắc Ninh"] },
          { id: 9, name: "Văn phòng Tỉnh ủy", pathNames: ["Tỉnh ủy Hà Nam"] },
        ],
      },
    ]);
  });
});
