import { describe, expect, it } from "vitest";
import { MEMBER_COLUMNS } from "./member-columns.ts";
import {
  maskSensitiveMemberFields,
  SENSITIVE_MEMBER_FIELDS,
  sensitiveMemberFieldOf,
} from "./member-privacy.ts";

describe("maskSensitiveMemberFields", () => {
  const record = {
    fullName: "Nguyễn Thị Hoà",
    citizenId: "001190012345",
    religion: "Công giáo",
    discipline: "Khiển trách 2024",
    ethnicity: "Kinh",
  };

  it("masks the citizen ID and hides religion and discipline for those without the permission", () => {
    expect(maskSensitiveMemberFields(record, false)).toEqual({
      fullName: "Nguyễn Thị Hoà",
      citizenId: "00119*****45",
      religion: null,
      discipline: null,
      ethnicity: "Kinh",
    });
    expect(record.citizenId).toBe("001190012345");
  });

  it("shows everything to those with the permission", () => {
    expect(maskSensitiveMemberFields(record, true)).toEqual(record);
  });

  it("knows the column spelling, keeps absent values absent and hides unexpected values", () => {
    expect(
      maskSensitiveMemberFields({ citizen_id: "079085000111", religion: undefined, discipline: null }, false),
    ).toEqual({ citizen_id: "07908*****11", religion: undefined, discipline: null });
    expect(maskSensitiveMemberFields({ citizenId: 79085000111, religion: { a: 1 } }, false)).toEqual({
      citizenId: null,
      religion: null,
    });
    expect(sensitiveMemberFieldOf("citizen_id")).toBe("citizenId");
    expect(sensitiveMemberFieldOf("fullName")).toBeNull();
  });

  it("is the same list the spreadsheet template marks sensitive", () => {
    const marked = MEMBER_COLUMNS.filter((column) => column.sensitive).map((column) => column.field);
    expect([...marked].sort()).toEqual([...SENSITIVE_MEMBER_FIELDS].sort());
  });
});
