import { describe, expect, it } from "vitest";
import { addMonths, checkMemberRecord, yearsBetween } from "./member-rules.ts";

const valid = {
  fullName: "Nguyễn Thị Hoà",
  birthDate: "1990-05-12",
  admittedOn: "2015-03-02",
  fullMemberOn: "2016-03-02",
  citizenId: "027190001234",
  cardNumber: "12.345.678",
};
const TODAY = "2026-11-22";

describe("checkMemberRecord", () => {
  it("accepts a valid record", () => {
    expect(checkMemberRecord(valid, TODAY)).toEqual([]);
  });

  it("names the field of every broken rule", () => {
    expect(
      checkMemberRecord(
        {
          ...valid,
          birthDate: "2010-01-01",
          fullMemberOn: "2015-01-01",
          citizenId: "12345",
          cardNumber: "AB",
        },
        TODAY,
      ),
    ).toEqual([
      { field: "admittedOn", code: "MEMBER_ADMISSION_AGE" },
      { field: "fullMemberOn", code: "MEMBER_FULL_BEFORE_ADMISSION" },
      { field: "citizenId", code: "MEMBER_CITIZEN_ID_INVALID" },
      { field: "cardNumber", code: "MEMBER_CARD_NUMBER_INVALID" },
    ]);
  });

  it("refuses dates in the future and a probation shorter than 12 months", () => {
    expect(checkMemberRecord({ ...valid, admittedOn: "2026-11-23", fullMemberOn: null }, TODAY)).toEqual([
      { field: "admittedOn", code: "MEMBER_DATE_IN_FUTURE" },
    ]);
    expect(checkMemberRecord({ ...valid, fullMemberOn: "2016-03-01" }, TODAY)).toEqual([
      { field: "fullMemberOn", code: "MEMBER_PROBATION_TOO_SHORT" },
    ]);
  });

  it("accepts ages 18 and 60 at admission, not 17 or 61", () => {
    const at = (birthDate: string) => checkMemberRecord({ ...valid, birthDate, fullMemberOn: null }, TODAY);
    expect(at("1997-03-02")).toEqual([]);
    expect(at("1997-03-03")).toEqual([{ field: "admittedOn", code: "MEMBER_ADMISSION_AGE" }]);
    expect(at("1954-03-03")).toEqual([]);
    expect(at("1954-03-02")).toEqual([{ field: "admittedOn", code: "MEMBER_ADMISSION_AGE" }]);
  });
});

describe("date arithmetic", () => {
  it("counts whole years and adds months clamped to the month's end", () => {
    expect(yearsBetween("2000-02-29", "2018-02-28")).toBe(17);
    expect(yearsBetween("2000-02-29", "2018-03-01")).toBe(18);
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-03-02", 12)).toBe("2024-03-02");
  });
});
