import { describe, expect, it } from "vitest";
import {
  canDrill,
  localized,
  lowestProgress,
  monthLabel,
  percentText,
  progressColor,
  STATUS_COLORS,
  statusCounts,
} from "./rollup-figures.ts";

describe("statusCounts", () => {
  it("lists every status in the rule's order, zeros included", () => {
    const rows = statusCounts({
      not_started: 1,
      in_progress: 2,
      done_on_time: 3,
      done_late: 0,
      overdue: 5,
      paused: 0,
      cancelled: 7,
    });
    expect(rows.map((row) => row.status)).toEqual([
      "not_started",
      "in_progress",
      "done_on_time",
      "done_late",
      "overdue",
      "paused",
      "cancelled",
    ]);
    expect(rows.map((row) => row.count)).toEqual([1, 2, 3, 0, 5, 0, 7]);
  });
});

describe("percentText", () => {
  it.each([
    [null, "–"],
    [0, "0\u00a0%"],
    [37.54, "37,5\u00a0%"],
    [100, "100\u00a0%"],
  ])("%s → %s", (value, text) => {
    expect(percentText(value)).toBe(text);
  });
});

describe("localized", () => {
  it("chooses English only for English", () => {
    const text = { vi: "Trung bình", en: "Average" };
    expect(localized(text, "en")).toBe("Average");
    expect(localized(text, "en-GB")).toBe("Average");
    expect(localized(text, "vi")).toBe("Trung bình");
  });
});

describe("monthLabel", () => {
  it("writes months as mm/yyyy", () => {
    expect(monthLabel("2026-06")).toBe("06/2026");
    expect(monthLabel("weird")).toBe("weird");
  });
});

describe("progressColor", () => {
  it("is green when finished, blue otherwise", () => {
    expect(progressColor(100)).toBe(STATUS_COLORS.done_on_time);
    expect(progressColor(40)).toBe(STATUS_COLORS.in_progress);
    expect(progressColor(null)).toBe(STATUS_COLORS.in_progress);
  });
});

describe("canDrill", () => {
  const group = (isSelf: boolean, hasTasksBelow: boolean, total: number) => ({
    isSelf,
    hasTasksBelow,
    figures: { counts: { total } },
  });
  it("opens a child with tasks below or of its own (a cell)", () => {
    expect(canDrill(group(false, true, 0))).toBe(true);
    expect(canDrill(group(false, false, 3))).toBe(true);
  });
  it("does not open a child without tasks, nor the organisation's own tasks", () => {
    expect(canDrill(group(false, false, 0))).toBe(false);
    expect(canDrill(group(true, true, 5))).toBe(false);
  });
});

describe("lowestProgress", () => {
  const group = (name: string, total: number, value: number | null) => ({
    name,
    figures: { counts: { total }, progress: { value } },
  });
  it("keeps groups with tasks, lowest progress first, at most n", () => {
    const groups = [
      group("a", 3, 80),
      group("b", 0, null),
      group("c", 2, 10),
      group("d", 5, null),
      group("e", 1, 50),
    ];
    expect(lowestProgress(groups, 3).map((g) => g.name)).toEqual(["d", "c", "e"]);
    expect(lowestProgress(groups, 10).map((g) => g.name)).toEqual(["d", "c", "e", "a"]);
  });
});
