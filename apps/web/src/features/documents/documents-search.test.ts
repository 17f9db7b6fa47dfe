import { describe, expect, it } from "vitest";
import {
  activeDocumentFilterCount,
  applyDocumentsPatch,
  listQueryOf,
  validateDocumentsSearch,
} from "./documents-search.ts";

describe("validateDocumentsSearch", () => {
  it("keeps the entries the register understands", () => {
    expect(
      validateDocumentsSearch({
        q: " xay dung dang ",
        type: "KL",
        issuer: "TW",
        year: "2021",
        status: "in_force",
        orgId: "12",
        placeholders: "hide",
        page: "3",
      }),
    ).toEqual({
      q: "xay dung dang",
      type: "KL",
      issuer: "TW",
      year: 2021,
      status: "in_force",
      orgId: 12,
      placeholders: "hide",
      page: 3,
    });
  });

  it("reads a number the router parsed as text", () => {
    expect(validateDocumentsSearch({ q: 21 })).toEqual({ q: "21" });
  });

  it("drops what it does not understand", () => {
    expect(
      validateDocumentsSearch({
        q: "   ",
        type: "K/L",
        issuer: "",
        year: "1200",
        status: "gone",
        orgId: "-3",
        placeholders: "show",
        page: "1",
        other: "x",
      }),
    ).toEqual({});
  });

  it("accepts Vietnamese codes (Đ, mixed case)", () => {
    expect(validateDocumentsSearch({ type: "ĐA", issuer: "ThU" })).toEqual({ type: "ĐA", issuer: "ThU" });
  });
});

describe("listQueryOf", () => {
  it("asks the list route with its own names, hiding placeholders only when asked", () => {
    expect(listQueryOf({ q: "ket luan", type: "KL", placeholders: "hide", page: 2 }, 20)).toMatchObject({
      q: "ket luan",
      typeAbbreviation: "KL",
      includePlaceholders: "false",
      page: 2,
      pageSize: 20,
    });
    expect(listQueryOf({}, 20).includePlaceholders).toBeUndefined();
  });
});

describe("applyDocumentsPatch and activeDocumentFilterCount", () => {
  it("removes entries set to undefined and counts the filters besides the text", () => {
    const next = applyDocumentsPatch({ q: "a", type: "KL", page: 4 }, { type: undefined, year: 2021 });
    expect(next).toEqual({ q: "a", page: 4, year: 2021 });
    expect(activeDocumentFilterCount(next)).toBe(1);
  });
});
