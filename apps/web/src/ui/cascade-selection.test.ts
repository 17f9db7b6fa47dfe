import { describe, expect, it } from "vitest";
import { formFieldOfIssue, isChoiceComplete, selectionOf, typeCodesBelow } from "./cascade-selection.ts";

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

describe("the types below a root", () => {
  const types = [
    { code: "tw", allowedChildTypes: ["tinh_uy"] },
    { code: "tinh_uy", allowedChildTypes: ["dang_uy_xa", "ban"] },
    { code: "dang_uy_xa", allowedChildTypes: ["chi_bo"] },
    { code: "chi_bo", allowedChildTypes: ["to_dang"] },
    { code: "to_dang", allowedChildTypes: [] },
    { code: "ban", allowedChildTypes: [] },
  ];
  it("follow the rules down every level, never up", () => {
    expect([...typeCodesBelow(types, "dang_uy_xa")].sort()).toEqual(["chi_bo", "to_dang"]);
    expect([...typeCodesBelow(types, "tinh_uy")].sort()).toEqual(["ban", "chi_bo", "dang_uy_xa", "to_dang"]);
    expect(typeCodesBelow(types, "to_dang").size).toBe(0);
  });
  it("are every type without a root type, and survive a cycle in the rules", () => {
    expect(typeCodesBelow(types, null).size).toBe(6);
    const cyclic = [
      { code: "a", allowedChildTypes: ["b"] },
      { code: "b", allowedChildTypes: ["a"] },
    ];
    expect([...typeCodesBelow(cyclic, "a")].sort()).toEqual(["a", "b"]);
  });
});
