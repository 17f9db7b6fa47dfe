// The benchmarks the runner knows, which capability issue each carries, and where each runs: by
// default every one of them at the chosen scale, on each chosen database where its data can exist;
// the others are named with the reason, for the notes under the table.
import type { SeedScale } from "../apps/api/src/seed/seed-scale.ts";

export const NAMES = [
  "tree-checks",
  "org-page",
  "search",
  "seed",
  "idle-rss",
  "refs",
  "plan-check",
  "plan-check-route",
  "member-search",
  "member-statistics",
  "member-export",
  "member-import",
  "document-coverage",
  "document-upload",
  "document-search",
  "task-rollup",
] as const;
export type Name = (typeof NAMES)[number];
export type DatabaseLabel = "postgres" | "pglite";

/** Names a person may type for several benchmarks at once. */
export const GROUPS: Record<string, readonly Name[]> = {
  members: ["member-search", "member-statistics", "member-export", "member-import"],
  documents: ["document-coverage", "document-search", "document-upload"],
};

/** Pure text processing: run once, without a database. */
export const NO_DATABASE: readonly Name[] = ["refs", "plan-check"];
/** Need the scale's members (5.6 million nationally). */
export const MEMBER_NAMES: readonly Name[] = ["member-search", "member-statistics", "member-export"];
/** Need the scale's register. */
export const DOCUMENT_NAMES: readonly Name[] = ["document-coverage", "document-search"];
/** Need the scale's five-clears tasks. */
export const TASK_NAMES: readonly Name[] = ["task-rollup"];
/** Run in the app (buildApp + inject) on the dataset, in this order. */
export const IN_APP: readonly Name[] = [
  "org-page",
  "search",
  "document-upload",
  "plan-check-route",
  "document-coverage",
  "document-search",
  "task-rollup",
  "member-search",
  "member-statistics",
  "member-export",
];

/** Parses the benchmark names typed on the command line (none: every benchmark). */
export function selectNames(positionals: readonly string[]): Set<Name> {
  const requested: string[] = positionals.flatMap((name) => [...(GROUPS[name] ?? [name])]);
  for (const name of requested) {
    if (!NAMES.includes(name as Name))
      throw new Error(
        `unknown benchmark "${name}"; known: ${NAMES.join(", ")}, ${Object.keys(GROUPS).join(", ")}`,
      );
  }
  return new Set<Name>(requested.length > 0 ? (requested as Name[]) : NAMES);
}

export interface Skipped {
  names: readonly Name[];
  database: DatabaseLabel;
  reason: string;
}

/**
 * Which selected benchmarks run on `database` at `scale`, and which cannot (with why). `reusedServer`:
 * PostgreSQL is an already seeded server (BENCH_POSTGRES_URL) rather than one seeded in this run.
 */
export function planDatabase(
  database: DatabaseLabel,
  scale: SeedScale,
  selected: ReadonlySet<Name>,
  reusedServer: boolean,
): { run: Set<Name>; skipped: Skipped[] } {
  const run = new Set([...selected].filter((name) => !NO_DATABASE.includes(name)));
  const skipped: Skipped[] = [];
  const skip = (names: readonly Name[], reason: string) => {
    const hit = names.filter((name) => run.has(name));
    for (const name of hit) run.delete(name);
    if (hit.length > 0) skipped.push({ names: hit, database, reason });
  };
  if (database === "postgres") {
    skip(["idle-rss"], "the target is the embedded server's memory (namro serve on PGlite)");
    if (scale === "national" && !reusedServer)
      skip(
        [...MEMBER_NAMES, ...DOCUMENT_NAMES, ...TASK_NAMES, "member-import"],
        "national members, register and tasks take about an hour to seed: seed a server once with `npx namro seed --scale national` and pass BENCH_POSTGRES_URL",
      );
  } else if (scale === "national") {
    skip(
      [...MEMBER_NAMES, "member-import"],
      "the national dataset is not seeded on PGlite: 5.6 million members (16 min on PostgreSQL, several times that embedded, in one process's memory); the embedded member targets are measured at the province scale",
    );
    skip(
      DOCUMENT_NAMES,
      "the national register (~1 million documents: 28 min on PostgreSQL) is not seeded on PGlite; the embedded search target is set for the demo province (province scale)",
    );
    skip(
      TASK_NAMES,
      "5 million tasks are not seeded on PGlite (14 min on PostgreSQL); the embedded roll-up target is set for a province of 200,000 tasks (province scale)",
    );
  }
  return { run, skipped };
}
