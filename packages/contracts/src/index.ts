export * from "./accounts.ts";
export * from "./audit.ts";
export * from "./auth.ts";
export * from "./errors.ts";
export * from "./http.ts";
export * from "./organisations.ts";
export * from "./system.ts";
