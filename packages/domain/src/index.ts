export * from "./dates.ts";
export * from "./vietnamese-text.ts";
