// The "read database" a service asks for when it serves a dashboard, report or search (ADR 0009): with
// a replica configured, read-routing.ts picks the replica or the primary per request; without one (the
// embedded database, commands, background jobs, most tests) every read runs on the primary.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";

export interface ReadDatabase {
  /**
   * Runs `work` — reads only, returning a value (it may run twice: a replica's failure is retried on
   * the primary) — on a database that holds at least the actor's own writes.
   */
  run<T>(actor: Actor | null, work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/** Every read on the one database. */
export function primaryReads(db: Kysely<Database>): ReadDatabase {
  return { run: (_actor, work) => work(db) };
}
