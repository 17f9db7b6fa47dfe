import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Clock } from "./clock.ts";

/** What every service is built from. */
export interface ServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
}
