// Lets a service that opens its own transaction (deps.db.transaction().execute(work)) run inside the
// seeder's transaction instead, so the whole seed commits or rolls back as one. Kysely refuses nested
// transactions, so `transaction()` on the returned handle simply runs the work on the outer one.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

export function joinTransaction(trx: Transaction<Database>): Kysely<Database> {
  const joined = {
    execute: <T>(work: (inner: Transaction<Database>) => Promise<T>) => work(trx),
    setIsolationLevel: () => joined,
    setAccessMode: () => joined,
  };
  return new Proxy(trx, {
    get(target, property) {
      if (property === "transaction") return () => joined;
      // Kysely keeps its state in private fields, so methods must run on the real instance.
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
