import { describe, expect, it } from "vitest";
import { formFieldOfIssue, isChoiceComplete, selectionOf } from "./cascade-selection.ts";

describe("the cascade dialog's choice", () => {
  it("is complete with organisations, or with types and a root", () => {
    expect(isChoiceComplete({ mode: "orgs", orgIds: [3] })).toBe(true);
    expect(isChoiceComplete({ mode: "orgs", orgIds: [] })).toBe(false);
    expect(isChoiceComplete({ mode: "types", typeCodes: ["dang_uy_xa"], rootOrgId: 1 })).toBe(true);
    expect(isChoiceComplete({ mode: "types", typeCodes: ["dang_uy_xa"] })).toBe(false);
    expect(isChoiceComplete({ mode: "types", typeCodes: [], rootOrgId: 1 })).toBe(false);
  });

  it("becomes the request's selection, ignoring the other mode's fields", () => {
    expect(selectionOf({ mode: "orgs", orgIds: [3, 4], typeCodes: ["x"], rootOrgId: 1 })).toEqual({
      kind: "orgs",
      orgIds: [3, 4],
    });
    expect(selectionOf({ mode: "types", orgIds: [3], typeCodes: ["dang_uy_xa"], rootOrgId: 1 })).toEqual({
      kind: "types",
      rootOrgId: 1,
      typeCodes: ["dang_uy_xa"],
    });
  });
});

describe("the server's field paths in the dialog", () => {
  it("name the form's fields", () => {
    expect(formFieldOfIssue("body.selection.orgIds.3")).toBe("orgIds");
    expect(formFieldOfIssue("body.selection.rootOrgId")).toBe("rootOrgId");
    expect(formFieldOfIssue("body.selection.typeCodes.0")).toBe("typeCodes");
    expect(formFieldOfIssue("body.selection")).toBe("typeCodes");
    expect(formFieldOfIssue("body.deadline")).toBe("deadline");
  });
});
