import { describe, expect, it } from "vitest";
import { formatDateTime, formatPercent } from "./dates.ts";

describe("formatDateTime", () => {
  it("writes an instant in Việt Nam time whatever the computer's time zone", () => {
    expect(formatDateTime("2026-03-30T02:26:00Z")).toBe("30/03/2026 09:26");
    expect(formatDateTime("2026-03-30T17:05:00Z")).toBe("31/03/2026 00:05");
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("not a date")).toBe("not a date");
  });
});

describe("formatPercent", () => {
  it("keeps the number and its sign together", () => {
    expect(formatPercent(30.84)).toBe("30,8\u00a0%");
    expect(formatPercent(100)).toBe("100\u00a0%");
  });
});
