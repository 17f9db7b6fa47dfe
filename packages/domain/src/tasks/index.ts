export * from "./task-clears.ts";
export * from "./task-periods.ts";
export * from "./task-status.ts";
export * from "./task-targets.ts";
export * from "./task-rollup.ts";
