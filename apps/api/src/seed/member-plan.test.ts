import { checkMemberRecord, validateCitizenId } from "@namro/domain";
import { describe, expect, it } from "vitest";
import { cellKind, type PlanCell, type PlanCommune, planMembers } from "./member-plan.ts";

const communes: PlanCommune[] = [
  { id: 10, name: "Đảng ủy xã Tân Hưng", validFrom: "2025-07-01" },
  { id: 20, name: "Đảng ủy phường Kinh Bắc", validFrom: "2025-07-01" },
];
const cells: PlanCell[] = [
  { id: 11, code: "C-11", name: "Chi bộ thôn Đoài", validFrom: "2015-01-01", communeId: 10 },
  { id: 12, code: "C-12", name: "Chi bộ trường THCS Tân Hưng", validFrom: "2025-07-01", communeId: 10 },
  { id: 21, code: "C-21", name: "Chi bộ khu phố 3", validFrom: "2025-07-01", communeId: 20 },
  { id: 22, code: "C-22", name: "Chi bộ trạm y tế Kinh Bắc", validFrom: "2025-07-01", communeId: 20 },
  { id: 31, code: "C-31", name: "Chi bộ Sở Tài chính", validFrom: "2025-03-01", communeId: null },
];
const options = {
  provinceCode: "BN",
  run: "unit",
  total: 3000,
  numberBlock: 0,
  posts: true,
  fullHistory: true,
};

describe("planMembers", () => {
  // A leap day, the first of a year and an ordinary day: the date arithmetic must hold on each.
  for (const today of ["2028-02-29", "2027-01-01", "2026-11-22"]) {
    it(`plans records every rule accepts on ${today}`, () => {
      const plan = planMembers(cells, communes, { ...options, today });
      const m = plan.members;
      expect(m.orgId.length).toBeGreaterThan(2800);
      expect(m.orgId.length).toBeLessThan(3200);
      for (let i = 0; i < m.orgId.length; i++) {
        const record = {
          fullName: m.fullName[i] as string,
          birthDate: m.birthDate[i] as string,
          admittedOn: m.admittedOn[i] as string,
          fullMemberOn: m.fullMemberOn[i] ?? null,
          citizenId: m.citizenId[i] ?? null,
          cardNumber: m.cardNumber[i] ?? null,
        };
        expect(checkMemberRecord(record, today)).toEqual([]);
        if (record.citizenId) {
          const sex = m.sex[i] as "male" | "female";
          expect(validateCitizenId(record.citizenId, { birthDate: record.birthDate, sex })).toEqual([]);
        }
        expect((m.statusSince[i] as string) <= today).toBe(true);
      }
      expect(new Set(m.citizenId.filter((v) => v !== null)).size).toBe(
        m.citizenId.filter((v) => v !== null).length,
      );
      expect(new Set(m.cardNumber.filter((v) => v !== null)).size).toBe(
        m.cardNumber.filter((v) => v !== null).length,
      );
      // Cell rows never start before the cell or the admission, nor after today.
      const c = plan.cells;
      const cellFrom = new Map(cells.map((cell) => [cell.id, cell.validFrom]));
      for (let i = 0; i < c.member.length; i++) {
        const member = c.member[i] as number;
        expect((c.validFrom[i] as string) >= (cellFrom.get(c.orgId[i] as number) as string)).toBe(true);
        expect((c.validFrom[i] as string) >= (m.admittedOn[member] as string)).toBe(true);
        expect((c.validFrom[i] as string) <= today).toBe(true);
      }
    });
  }

  it("is deterministic and keeps number blocks of different runs apart", () => {
    const today = "2026-11-22";
    const a = planMembers(cells, communes, { ...options, today });
    const b = planMembers(cells, communes, { ...options, today });
    expect(b).toEqual(a);
    const later = planMembers(cells, communes, { ...options, today, run: "later", numberBlock: 200_000 });
    const ids = new Set(a.members.citizenId.filter((v) => v !== null));
    const cards = new Set(a.members.cardNumber.filter((v) => v !== null));
    expect(later.members.citizenId.some((v) => v !== null && ids.has(v))).toBe(false);
    expect(later.members.cardNumber.some((v) => v !== null && cards.has(v))).toBe(false);
  });

  it("gives every cell one secretary and every commune a secretary, posts of active full members", () => {
    const plan = planMembers(cells, communes, { ...options, today: "2026-11-22" });
    const secretaries = plan.posts.postType.flatMap((type, i) =>
      type === "bi_thu_chi_bo" ? [plan.posts.orgId[i]] : [],
    );
    expect(secretaries.sort((x, y) => Number(x) - Number(y))).toEqual(cells.map((cell) => cell.id));
    const communeSecretaries = plan.posts.postType.flatMap((type, i) =>
      type === "bi_thu" ? [plan.posts.orgId[i]] : [],
    );
    expect(communeSecretaries.sort((x, y) => Number(x) - Number(y))).toEqual([10, 20]);
    for (const member of plan.posts.member) expect(plan.members.status[member]).toBe("full");
  });

  it("tells cell kinds from their names", () => {
    expect(cellKind("Chi bộ thôn Đoài")).toBe("residential");
    expect(cellKind("Chi bộ khu phố 3")).toBe("residential");
    expect(cellKind("Chi bộ tổ Toán - Tin")).toBe("school");
    expect(cellKind("Chi bộ khoa Nội")).toBe("health");
    expect(cellKind("Chi bộ phân xưởng Sản xuất")).toBe("company");
    expect(cellKind("Chi bộ Sở Tài chính")).toBe("agency");
  });
});
