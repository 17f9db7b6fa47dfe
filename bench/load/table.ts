// The load test's table: throughput, latency percentiles and failures, overall and per kind of request,
// then the server's CPU time and memory, and whether the issue's targets hold.
import { percentile } from "../stats.ts";
import type { LoadDb } from "./dataset.ts";
import type { KindResult, RunResult } from "./generator.ts";
import { KINDS } from "./mix.ts";

export interface Targets {
  throughput: number;
  p99Ms: number;
}

export const TARGETS: Record<LoadDb, Targets> = {
  postgres: { throughput: 1000, p99Ms: 200 },
  pglite: { throughput: 200, p99Ms: 500 },
};

export interface ServerUsage {
  cpuSeconds: number;
  rssMb: number;
  peakRssMb: number;
}

export interface Summary {
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  met: { throughput: boolean; p99: boolean; errors: boolean };
}

const ms = (value: number) =>
  Number.isNaN(value) ? "—" : value >= 100 ? value.toFixed(0) : value.toFixed(1);

function failuresOf(result: KindResult): number {
  let n = result.unanswered;
  for (const count of result.non2xx.values()) n += count;
  return n;
}

function non2xxText(result: KindResult): string {
  const parts = [...result.non2xx.entries()].map(([status, count]) => `${status}×${count}`);
  if (result.unanswered > 0) parts.push(`unanswered×${result.unanswered}`);
  return parts.length === 0 ? "0" : `**${parts.join(", ")}**`;
}

export function summarise(db: LoadDb, run: RunResult): Summary {
  const all: number[] = [];
  let counted = 0;
  for (const result of run.byKind.values()) {
    for (const latency of result.latencies) all.push(latency);
    counted += failuresOf(result);
  }
  // A timed-out request is both an autocannon error and an unanswered one here: counted once, and
  // autocannon's count wins where it saw more (a connection lost at the very end of the run).
  const failures = Math.max(counted, run.autocannon.errors + run.autocannon.non2xx);
  all.sort((a, b) => a - b);
  const throughput = all.length / run.durationSeconds;
  const p99 = percentile(all, 99);
  const targets = TARGETS[db];
  return {
    requests: all.length,
    throughput,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99,
    failures,
    met: { throughput: throughput >= targets.throughput, p99: p99 <= targets.p99Ms, errors: failures === 0 },
  };
}

export function formatLoadTable(db: LoadDb, run: RunResult, summary: Summary, usage: ServerUsage): string {
  const header =
    "| requests | n | share | req/s | p50 | p95 | p99 | failed (non-2xx, unanswered) |\n" +
    "|---|---:|---:|---:|---:|---:|---:|---|";
  const lines = [
    `| **all** | ${summary.requests} | 100% | **${summary.throughput.toFixed(0)}** | ${ms(summary.p50)} ms | ${ms(summary.p95)} ms | **${ms(summary.p99)} ms** | ${summary.failures === 0 ? "0" : `**${summary.failures}**`} |`,
  ];
  for (const kind of KINDS) {
    const result = run.byKind.get(kind);
    if (!result) continue;
    const sorted = [...result.latencies].sort((a, b) => a - b);
    lines.push(
      `| ${kind} | ${sorted.length} | ${((100 * sorted.length) / Math.max(1, summary.requests)).toFixed(1)}% | ${(sorted.length / run.durationSeconds).toFixed(0)} | ${ms(percentile(sorted, 50))} ms | ${ms(percentile(sorted, 95))} ms | ${ms(percentile(sorted, 99))} ms | ${non2xxText(result)} |`,
    );
  }
  const targets = TARGETS[db];
  const yes = (ok: boolean) => (ok ? "yes" : "**NO**");
  const cpuShare = (100 * usage.cpuSeconds) / run.durationSeconds;
  return [
    [header, ...lines].join("\n"),
    "",
    `Server (pinned to one CPU): ${usage.cpuSeconds.toFixed(1)} CPU s in ${run.durationSeconds.toFixed(1)} s (${cpuShare.toFixed(0)}% of its core), ` +
      `${((1000 * usage.cpuSeconds) / Math.max(1, summary.requests)).toFixed(2)} CPU ms per request; RSS ${usage.rssMb.toFixed(0)} MB at the end, peak ${usage.peakRssMb.toFixed(0)} MB.`,
    `autocannon: ${run.autocannon.requests} requests, ${run.autocannon.errors} errors, ${run.autocannon.timeouts} timeouts, ${run.autocannon.non2xx} non-2xx.`,
    "",
    `| target (${db}) | wanted | measured | met |\n|---|---|---|---|\n` +
      `| throughput | ≥ ${targets.throughput} req/s | ${summary.throughput.toFixed(0)} req/s | ${yes(summary.met.throughput)} |\n` +
      `| p99 latency | ≤ ${targets.p99Ms} ms | ${ms(summary.p99)} ms | ${yes(summary.met.p99)} |\n` +
      `| errors | 0 | ${summary.failures} | ${yes(summary.met.errors)} |`,
  ].join("\n");
}

/** The first answer of each kind that failed, to say what went wrong. */
export function failureExamples(run: RunResult): string[] {
  return [...run.byKind.entries()]
    .filter(([, result]) => result.example !== null)
    .map(([kind, result]) => `${kind}: ${result.example}`);
}
