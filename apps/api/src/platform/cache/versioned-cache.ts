// Answers kept in the server process and reused while the data they were computed from is unchanged
// (ADR 0010). A group of tables has a version (migration 0025: bumped by statement triggers in the
// writing transaction); an answer is stored with the version read just before it was computed, through
// the same connection, and served only while that version is still current. Reading the version first
// means an answer is never older than its version: a change committed in between makes it newer, which
// only costs a recomputation later. The key must hold everything the answer depends on — the caller's
// scope included — so one person's answer is never served to another with a different scope.
import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

export type DataVersionGroup = "members";

export interface VersionedCacheCounts {
  hits: number;
  misses: number;
}

interface Entry<T> {
  version: string;
  value: T;
}

/** The group's current version as the executor sees it ("none" before its first change). */
export async function readDataVersion(db: Kysely<Database>, group: DataVersionGroup): Promise<string> {
  const { rows } = await sql<{ version: string | number }>`
    SELECT version FROM data_versions WHERE name = ${group}`.execute(db);
  const version = rows[0]?.version;
  return version === undefined ? "none" : String(version);
}

export class VersionedCache<T> {
  readonly counts: VersionedCacheCounts = { hits: 0, misses: 0 };
  readonly #group: DataVersionGroup;
  readonly #maxEntries: number;
  /** In least recently used order: a hit moves its entry to the end. */
  readonly #entries = new Map<string, Entry<T>>();

  constructor(group: DataVersionGroup, maxEntries: number) {
    this.#group = group;
    this.#maxEntries = maxEntries;
  }

  /**
   * The answer for `keyParts` (serialised as JSON: plain data only), from the cache when the group's
   * version has not moved since it was computed, else computed on `db` and kept. The value is shared
   * between callers: it must not be changed.
   */
  async get(db: Kysely<Database>, keyParts: unknown, compute: () => Promise<T>): Promise<T> {
    const key = createHash("sha256").update(JSON.stringify(keyParts)).digest("base64url");
    const version = await readDataVersion(db, this.#group);
    const entry = this.#entries.get(key);
    if (entry && entry.version === version) {
      this.counts.hits += 1;
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }
    this.counts.misses += 1;
    const value = await compute();
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
