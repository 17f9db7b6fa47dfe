import { describe, expect, it } from "vitest";
import { expandAbbreviation, expandUnitName, findUnits } from "./plan-units.ts";
import { planWords } from "./plan-words.ts";

function units(text: string) {
  const found = findUnits(text, planWords(text));
  return {
    leads: found.leads.map((u) => u.name),
    role: found.leadRole,
    support: found.support.map((u) => u.name),
    person: found.person?.name ?? null,
    generic: found.leads.map((u) => u.generic),
  };
}

describe("abbreviations", () => {
  it.each([
    ["BTV", "Ban Thường vụ"],
    ["BTVTU", "Ban Thường vụ Tỉnh ủy"],
    ["UBKT", "Ủy ban Kiểm tra"],
    ["UBKTĐU", "Ủy ban Kiểm tra Đảng ủy"],
    ["MTTQ", "Mặt trận Tổ quốc"],
    ["BTCTU", "Ban Tổ chức Tỉnh ủy"],
    ["VPTU", "Văn phòng Tỉnh ủy"],
    ["BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy"],
    ["CB", "Chi bộ"],
  ])("%s → %s", (code, name) => {
    expect(expandAbbreviation(code)).toBe(name);
  });

  it("leaves unknown codes and ordinary words alone", () => {
    expect(expandAbbreviation("XYZ")).toBeNull();
    expect(expandUnitName("BTC TU, các chi bộ")).toBe("Ban Tổ chức Tỉnh ủy, các chi bộ");
  });
});

describe("who does a task", () => {
  it("a unit before 'chủ trì' leads; 'phối hợp với' names the support", () => {
    expect(
      units("Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với UBKTTU và VPTU tham mưu ban hành quy chế."),
    ).toMatchObject({
      leads: ["Ban Tổ chức Tỉnh ủy"],
      role: "lead",
      support: ["Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy"],
    });
  });

  it("'giao …' assigns; the subject of the sentence is the lead otherwise", () => {
    expect(units("Giao Văn phòng Tỉnh ủy theo dõi, tổng hợp.")).toMatchObject({
      leads: ["Văn phòng Tỉnh ủy"],
      role: "assigned",
    });
    expect(units("Các đảng ủy xã, phường trực thuộc Tỉnh ủy xây dựng kế hoạch.")).toMatchObject({
      leads: ["Các đảng ủy xã, phường trực thuộc Tỉnh ủy"],
      role: "subject",
    });
  });

  it("a verb inside a unit's name (capitalised) does not end it", () => {
    expect(units("Ủy ban Kiểm tra Đảng ủy xã kiểm tra các chi bộ.").leads).toEqual([
      "Ủy ban Kiểm tra Đảng ủy xã",
    ]);
  });

  it("'đồng chí …' names a person, not a unit", () => {
    expect(units("Đồng chí Bí thư Đảng ủy xã chịu trách nhiệm chỉ đạo.")).toMatchObject({
      leads: [],
      person: "Bí thư Đảng ủy xã",
    });
  });

  it("'các cơ quan liên quan' is generic; several units together share the lead", () => {
    expect(units("Các cơ quan liên quan thường xuyên phối hợp thực hiện.")).toMatchObject({
      leads: ["Các cơ quan liên quan"],
      generic: [true],
    });
    expect(units("Ban Tổ chức, Văn phòng Tỉnh ủy thực hiện.").leads).toEqual([
      "Ban Tổ chức",
      "Văn phòng Tỉnh ủy",
    ]);
  });

  it("'ban hành' and 'tổ chức hội nghị' are verbs, not units", () => {
    expect(units("Ban hành kế hoạch trong quý II.").leads).toEqual([]);
    expect(units("Tổ chức hội nghị quán triệt.").leads).toEqual([]);
  });
});
