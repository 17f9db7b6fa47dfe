import { z } from "zod";
import { defineRoutes } from "./http.ts";

export const SystemInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** "embedded": PGlite, for evaluation and small sites; "server": PostgreSQL. */
  databaseKind: z.enum(["embedded", "server"]),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

export const systemRoutes = defineRoutes({
  health: {
    method: "GET",
    path: "/api/health",
    summary: "Liveness and database reachability",
    tags: ["system"],
    response: z.object({ status: z.literal("ok") }),
  },
  systemInfo: {
    method: "GET",
    path: "/api/system",
    summary: "What this installation runs on",
    tags: ["system"],
    response: SystemInfoSchema,
  },
});
