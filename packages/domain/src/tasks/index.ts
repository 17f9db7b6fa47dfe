export * from "./task-periods.ts";
export * from "./task-status.ts";
