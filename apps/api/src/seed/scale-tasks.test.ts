import { describe, expect, it } from "vitest";
import { planScaleTasks, type ScaleTaskOrgs } from "./scale-tasks.ts";

/** A province of 10 communes with 8 cells each, ids from 1. */
function orgs(): ScaleTaskOrgs {
  let id = 1;
  const root = { id: id++, code: "XX", path: "1" };
  const departments = [0, 1].map(() => ({ id: id, path: `1.${id++}` }));
  const communes = Array.from({ length: 10 }, (_, c) => {
    const commune = { id: id, code: `XX-${c + 1}`, path: `1.${id++}` };
    return {
      ...commune,
      cells: Array.from({ length: 8 }, () => ({ id: id, path: `${commune.path}.${id++}` })),
    };
  });
  return { root, departments, communes };
}

const OPTIONS = { total: 2_000, today: "2026-11-22", cellShare: 0.5, historyShare: 0.2 };

describe("planScaleTasks", () => {
  it("plans about the count asked for, the same every time, parents first", () => {
    const first = planScaleTasks(orgs(), [{ id: 7, issuedOn: "2026-01-08" }], OPTIONS);
    const second = planScaleTasks(orgs(), [{ id: 7, issuedOn: "2026-01-08" }], OPTIONS);
    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThan(OPTIONS.total * 0.6);
    expect(first.length).toBeLessThan(OPTIONS.total * 1.6);
    first.forEach((task, i) => {
      if (task.parent !== null) expect(task.parent).toBeLessThan(i);
    });
    // Provincial tasks are led by the committee (a cascade's targets lie below its lead).
    expect(
      first.filter((t) => t.parent === null).every((t) => t.lead?.id === 1 && t.planDocumentId === 7),
    ).toBe(true);
  });

  it("divides numeric targets so they add up, and keeps report history for a share of the leaves", () => {
    const tasks = planScaleTasks(orgs(), [], OPTIONS);
    const children = Map.groupBy(
      tasks.flatMap((t, i) => (t.parent === null ? [] : [{ t, i }])),
      ({ t }) => t.parent as number,
    );
    let divided = 0;
    tasks.forEach((task, i) => {
      const own = children.get(i);
      if (!own) return;
      expect(task.reports).toEqual([]);
      if (task.targetUnit === "đảng viên") {
        divided++;
        expect(own.reduce((sum, { t }) => sum + (t.targetValue ?? 0), 0)).toBe(task.targetValue);
      }
    });
    expect(divided).toBeGreaterThan(0);
    const leaves = tasks.filter((_, i) => !children.has(i));
    const withHistory = leaves.filter((t) => t.reports.length > 1).length;
    expect(withHistory).toBeGreaterThan(0);
    expect(withHistory).toBeLessThan(leaves.length * 0.35);
  });
});
