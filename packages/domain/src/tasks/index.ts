export * from "./task-clears.ts";
export * from "./task-periods.ts";
export * from "./task-progress.ts";
export * from "./task-report-states.ts";
export * from "./task-rollup.ts";
export * from "./task-status.ts";
export * from "./task-targets.ts";
