import { describe, expect, it } from "vitest";
import { validateAwaitingSearch } from "./awaiting-search.ts";

describe("validateAwaitingSearch", () => {
  it("keeps an organisation and a page after the first", () => {
    expect(validateAwaitingSearch({ orgId: "4", page: "3" })).toEqual({ orgId: 4, page: 3 });
  });
  it("drops the first page and anything malformed", () => {
    expect(validateAwaitingSearch({ orgId: "0", page: "1" })).toEqual({});
    expect(validateAwaitingSearch({ orgId: "abc", page: 2.5 })).toEqual({});
  });
});
