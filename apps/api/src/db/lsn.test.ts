import { describe, expect, it } from "vitest";
import { formatLsn, parseLsn } from "./lsn.ts";

describe("WAL positions", () => {
  it("orders positions by both halves, as PostgreSQL does", () => {
    const a = parseLsn("0/FFFFFFFF");
    const b = parseLsn("1/0");
    const c = parseLsn("16/B374D848");
    expect(a).not.toBeNull();
    expect((a as bigint) < (b as bigint)).toBe(true);
    expect((b as bigint) < (c as bigint)).toBe(true);
  });

  it("prints what it parses", () => {
    for (const text of ["0/0", "0/16B3748", "16/B374D848", "FFFFFFFF/FFFFFFFF"]) {
      expect(formatLsn(parseLsn(text) as bigint)).toBe(text);
    }
  });

  it("refuses anything that is not a position", () => {
    for (const text of ["", "16", "16/", "/1", "x/1", "1/2/3", "123456789/0", " 0/1", null, undefined]) {
      expect(parseLsn(text)).toBeNull();
    }
  });
});
