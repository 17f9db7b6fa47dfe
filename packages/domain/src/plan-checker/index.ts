export * from "./check-plan.ts";
export * from "./plan-check-json.ts";
export * from "./plan-clears.ts";
export * from "./plan-deadline-task.ts";
export type { PlanInput, PlanTable } from "./plan-structure.ts";
export { expandAbbreviation, expandUnitName, type UnitSpan } from "./plan-units.ts";
export { UNIT_ABBREVIATIONS } from "./plan-vocabulary.ts";
