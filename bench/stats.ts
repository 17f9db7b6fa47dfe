// Timing helpers for benchmarks: repeated runs, median and p95, and the results table.

export interface Measurement {
  name: string;
  database: string;
  samples: number;
  medianMs: number;
  p95Ms: number;
  baselineName: string;
  baselineMedianMs: number;
  /** Target on the p95 (or on the single value), in the unit of `unit`. */
  target: string;
  /** null: no target for this database (reported for comparison only). */
  met: boolean | null;
  unit?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export interface Timing {
  samples: number[];
  median: number;
  p95: number;
}

/** How long one timing may take before it stops sampling (a pathological plan must not stall the suite). */
export const TIMING_BUDGET_MS = 90_000;

/**
 * Runs `fn` `warmup` times unmeasured, then `iterations` times, each timed separately — but once
 * `budgetMs` have passed it stops (after at least one sample): the row's n then says how many it got.
 */
export async function time(
  fn: (i: number) => Promise<unknown>,
  iterations: number,
  warmup = 5,
  budgetMs = TIMING_BUDGET_MS,
): Promise<Timing> {
  const started = performance.now();
  const spent = () => performance.now() - started > budgetMs;
  for (let i = 0; i < warmup && !spent(); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations && (samples.length === 0 || !spent()); i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples, median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

// A failed row has no numbers (NaN, or null once it went through JSON from a child process).
const fmt = (ms: number | null) =>
  ms === null || !Number.isFinite(ms)
    ? "—"
    : ms >= 100
      ? ms.toFixed(0)
      : ms >= 10
        ? ms.toFixed(1)
        : ms.toFixed(2);

export function formatTable(rows: Measurement[]): string {
  const header =
    "| benchmark | database | n | median | p95 | baseline (median) | ratio | target | met |\n" +
    "|---|---|---:|---:|---:|---|---:|---|---|";
  const lines = rows.map((r) => {
    const unit = r.unit ?? "ms";
    const quotient = r.baselineMedianMs > 0 ? r.medianMs / r.baselineMedianMs : Number.NaN;
    const ratio = Number.isFinite(quotient) ? quotient.toFixed(1) : "—";
    return `| ${r.name} | ${r.database} | ${r.samples} | ${fmt(r.medianMs)} ${unit} | ${fmt(r.p95Ms)} ${unit} | ${r.baselineName} (${fmt(r.baselineMedianMs)} ${unit}) | ${ratio}× | ${r.target} | ${r.met === null ? "—" : r.met ? "yes" : "**NO**"} |`;
  });
  return [header, ...lines].join("\n");
}

/** A table row from a timing and its baseline; the target is a p95 bound in ms (null: report only). */
export function measurement(
  name: string,
  database: string,
  timing: Timing,
  baselineName: string,
  baseline: Timing,
  p95TargetMs: number | null,
): Measurement {
  return {
    name,
    database,
    samples: timing.samples.length,
    medianMs: timing.median,
    p95Ms: timing.p95,
    baselineName,
    baselineMedianMs: baseline.median,
    target: p95TargetMs === null ? "— (reported)" : `p95 ≤ ${p95TargetMs} ms`,
    met: p95TargetMs === null ? null : timing.p95 <= p95TargetMs,
  };
}

/** The row of a benchmark that could not run: no numbers, the reason in its name, counted as missed. */
export function failedMeasurement(label: string, database: string, error: unknown): Measurement {
  return {
    name: `${label}: FAILED (${String((error as Error)?.message ?? error).slice(0, 80)})`,
    database,
    samples: 0,
    medianMs: Number.NaN,
    p95Ms: Number.NaN,
    baselineName: "—",
    baselineMedianMs: Number.NaN,
    target: "—",
    met: false,
  };
}
