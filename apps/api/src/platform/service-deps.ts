import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Clock } from "./clock.ts";
import { primaryReads, type ReadDatabase } from "./db/read-database.ts";

/** What every service is built from. */
export interface ServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  /**
   * Where dashboard, report and search reads run (ADR 0009); absent: on `db`, as in commands, background
   * jobs and tests without a replica.
   */
  reads?: ReadDatabase;
}

/** The read database of routed reads: the replica router when the app has one, else `db` itself. */
export function readsOf(deps: ServiceDeps): ReadDatabase {
  return deps.reads ?? primaryReads(deps.db);
}
