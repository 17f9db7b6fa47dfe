import { describe, expect, it } from "vitest";
import {
  activeTaskFilterCount,
  applyTasksPatch,
  taskListQueryOf,
  validateNewTaskSearch,
  validateTaskPageSearch,
  validateTasksSearch,
} from "./tasks-search.ts";

describe("the task list's address", () => {
  it("keeps the filters it knows, well formed, and drops the rest", () => {
    expect(
      validateTasksSearch({
        q: "  ket nap  ",
        orgId: "12",
        plan: 7,
        status: "overdue",
        missing: "1",
        mine: true,
        dueFrom: "2026-01-01",
        dueTo: "01/02/2026",
        order: "title",
        page: "3",
        junk: "x",
      }),
    ).toEqual({
      q: "ket nap",
      orgId: 12,
      plan: 7,
      status: "overdue",
      missing: true,
      mine: true,
      dueFrom: "2026-01-01",
      order: "title",
      page: 3,
    });
    expect(validateTasksSearch({ status: "late", orgId: "-1", page: "1", missing: "0" })).toEqual({});
  });

  it("asks the list route in its own names", () => {
    expect(taskListQueryOf({ plan: 7, missing: true, mine: true, status: "in_progress" }, 20)).toEqual({
      q: undefined,
      orgId: undefined,
      planDocumentId: 7,
      status: "in_progress",
      missingClears: "true",
      mine: "true",
      dueFrom: undefined,
      dueTo: undefined,
      sort: "due",
      page: undefined,
      pageSize: 20,
    });
  });

  it("drops emptied entries and counts the filters set besides the text", () => {
    const next = applyTasksPatch({ q: "a", plan: 7, page: 2 }, { plan: undefined, missing: true });
    expect(next).toEqual({ q: "a", page: 2, missing: true });
    expect(activeTaskFilterCount(next)).toBe(1);
  });

  it("reads the task page's tab and the new task's prefill", () => {
    expect(validateTaskPageSearch({ tab: "reports" })).toEqual({ tab: "reports" });
    expect(validateTaskPageSearch({ tab: "nope" })).toEqual({});
    expect(validateNewTaskSearch({ plan: "5", parent: "x", ownerOrgId: 2 })).toEqual({
      plan: 5,
      ownerOrgId: 2,
    });
  });
});
