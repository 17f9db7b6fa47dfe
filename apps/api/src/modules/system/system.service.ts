import { sql } from "kysely";
import type { ServiceDeps } from "../../platform/service-deps.ts";

export class SystemService {
  readonly #deps: ServiceDeps;
  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** Throws when the database does not answer. */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.#deps.db);
  }
}
