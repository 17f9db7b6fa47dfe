import { describe, expect, it } from "vitest";
import { NAMES, planDatabase, selectNames } from "./registry.ts";

describe("benchmark registry", () => {
  it("runs every benchmark by default and expands groups", () => {
    expect([...selectNames([])]).toEqual([...NAMES]);
    expect([...selectNames(["members", "search"])]).toEqual([
      "member-search",
      "member-statistics",
      "member-export",
      "member-import",
      "search",
    ]);
    expect(() => selectNames(["serach"])).toThrow(/unknown benchmark "serach"/);
  });

  it("runs everything but idle RSS on a reused national PostgreSQL server, and says why", () => {
    const plan = planDatabase("postgres", "national", selectNames([]), true);
    expect(plan.run.has("member-search")).toBe(true);
    expect(plan.run.has("task-rollup")).toBe(true);
    expect(plan.run.has("refs")).toBe(false); // no database: run once, outside the databases
    expect(plan.run.has("idle-rss")).toBe(false);
    expect(plan.skipped).toEqual([
      { names: ["idle-rss"], database: "postgres", reason: expect.stringMatching(/embedded server/) },
    ]);
  });

  it("leaves the national members, register and tasks out on PGlite and on a throwaway server", () => {
    const pglite = planDatabase("pglite", "national", selectNames([]), true);
    expect([...pglite.run].sort()).toEqual(
      ["document-upload", "idle-rss", "org-page", "plan-check-route", "search", "seed", "tree-checks"].sort(),
    );
    expect(pglite.skipped.flatMap((s) => s.names).sort()).toEqual(
      [
        "document-coverage",
        "document-search",
        "member-export",
        "member-import",
        "member-search",
        "member-statistics",
        "task-rollup",
      ].sort(),
    );
    expect(pglite.skipped.map((s) => s.reason).join(" ")).toMatch(/5\.6 million members/);
    const throwaway = planDatabase("postgres", "national", selectNames([]), false);
    expect(throwaway.run.has("member-search")).toBe(false);
    expect(throwaway.skipped.find((s) => s.names.includes("member-search"))?.reason).toMatch(
      /BENCH_POSTGRES_URL/,
    );
  });

  it("runs every dataset benchmark on PGlite at province scale", () => {
    const plan = planDatabase("pglite", "province", selectNames([]), false);
    expect(plan.skipped).toEqual([]);
    expect(plan.run.has("member-import")).toBe(true);
    expect(plan.run.has("task-rollup")).toBe(true);
  });
});
