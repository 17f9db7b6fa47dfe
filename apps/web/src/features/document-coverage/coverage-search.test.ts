import { describe, expect, it } from "vitest";
import { applyCoveragePatch, coverageBreadcrumb, validateCoverageSearch } from "./coverage-search.ts";

describe("coverage search", () => {
  it("keeps well-formed choices and drops the rest", () => {
    expect(validateCoverageSearch({ orgId: "12", status: "late", page: "3" })).toEqual({
      orgId: 12,
      status: "late",
      page: 3,
    });
    expect(validateCoverageSearch({ orgId: "-1", status: "overdue", page: "1" })).toEqual({});
    expect(validateCoverageSearch({ orgId: 1.5, status: 7, page: "x" })).toEqual({});
  });

  it("goes back to the first page when the view moves", () => {
    expect(applyCoveragePatch({ orgId: 3, status: "missing", page: 4 }, { orgId: 9 })).toEqual({
      orgId: 9,
      status: "missing",
    });
    expect(applyCoveragePatch({ orgId: 3, page: 4 }, { status: "late" })).toEqual({
      orgId: 3,
      status: "late",
    });
    expect(applyCoveragePatch({ orgId: 3 }, { page: 2 })).toEqual({ orgId: 3, page: 2 });
    expect(applyCoveragePatch({ orgId: 3, page: 2 }, { page: 1 })).toEqual({ orgId: 3 });
  });

  it("removes choices set to undefined", () => {
    expect(applyCoveragePatch({ orgId: 3, status: "late" }, { status: undefined })).toEqual({ orgId: 3 });
  });
});

describe("coverage breadcrumb", () => {
  it("runs from the top of the view down to the organisation shown, which is not a link", () => {
    expect(
      coverageBreadcrumb({
        orgId: 30,
        orgName: "Đảng ủy xã Tân Hưng",
        ancestors: [
          { orgId: 1, orgName: "Tỉnh ủy Bắc Ninh" },
          { orgId: 7, orgName: "Đảng ủy Khối" },
        ],
        isTarget: true,
      }),
    ).toEqual([
      { orgId: 1, orgName: "Tỉnh ủy Bắc Ninh", current: false },
      { orgId: 7, orgName: "Đảng ủy Khối", current: false },
      { orgId: 30, orgName: "Đảng ủy xã Tân Hưng", current: true },
    ]);
  });

  it("is one step at the top of the view", () => {
    expect(
      coverageBreadcrumb({ orgId: 1, orgName: "Tỉnh ủy Bắc Ninh", ancestors: [], isTarget: false }),
    ).toEqual([{ orgId: 1, orgName: "Tỉnh ủy Bắc Ninh", current: true }]);
  });
});
