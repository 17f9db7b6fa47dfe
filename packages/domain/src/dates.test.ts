import { describe, expect, it } from "vitest";
import { formatDateVi, isIsoDate, previousDay, todayInVietnam } from "./dates.ts";

describe("dates", () => {
  it("validates ISO calendar dates", () => {
    expect(isIsoDate("2025-07-01")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("01/07/2025")).toBe(false);
  });
  it("formats as dd/mm/yyyy", () => {
    expect(formatDateVi("2025-07-01")).toBe("01/07/2025");
  });
  it("knows today in Vietnam (UTC+7)", () => {
    expect(todayInVietnam(new Date("2025-06-30T17:30:00Z"))).toBe("2025-07-01");
    expect(todayInVietnam(new Date("2025-06-30T16:59:00Z"))).toBe("2025-06-30");
  });
  it("steps back one day across months and years", () => {
    expect(previousDay("2025-07-01")).toBe("2025-06-30");
    expect(previousDay("2025-01-01")).toBe("2024-12-31");
  });
});
