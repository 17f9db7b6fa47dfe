import { describe, expect, it } from "vitest";
import { failedMeasurement, formatTable, measurement, percentile, time } from "./stats.ts";

describe("benchmark statistics", () => {
  it("takes the nearest-rank percentile", () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile([], 95)).toBeNaN();
  });

  it("stops sampling once the budget is spent, after at least one sample", async () => {
    let calls = 0;
    const slow = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 30));
    };
    const timing = await time(slow, 50, 5, 50);
    expect(timing.samples.length).toBeGreaterThanOrEqual(1);
    expect(timing.samples.length).toBeLessThan(50);
    expect(calls).toBeLessThan(10);
    const quick = await time(async () => undefined, 20, 2, 10_000);
    expect(quick.samples).toHaveLength(20);
  });

  it("marks a missed target NO and a row without target as reported", () => {
    const timing = { samples: [1, 2, 300], median: 2, p95: 300 };
    const rows = [
      measurement("a", "postgres", timing, "base", timing, 100),
      measurement("b", "pglite", timing, "base", timing, null),
    ];
    expect(rows[0]?.met).toBe(false);
    expect(rows[1]?.target).toBe("— (reported)");
    const table = formatTable(rows);
    expect(table).toContain(
      "| a | postgres | 3 | 2.00 ms | 300 ms | base (2.00 ms) | 1.0× | p95 ≤ 100 ms | **NO** |",
    );
    expect(table).toContain("| — (reported) | — |");
  });

  it("prints a failed row's missing numbers as dashes, also after JSON (NaN becomes null)", () => {
    const failed = failedMeasurement("x", "postgres", new Error("boom"));
    const viaJson = JSON.parse(JSON.stringify(failed));
    for (const row of [failed, viaJson])
      expect(formatTable([row])).toContain(
        "| x: FAILED (boom) | postgres | 0 | — ms | — ms | — (— ms) | —× | — | **NO** |",
      );
  });
});
