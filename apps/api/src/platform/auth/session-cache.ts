// The actors behind recently seen session cookies, kept for a few seconds so that a person's burst of
// requests (a page asks for several things at once) reads their session and roles once (ADR 0010).
// Whatever this process changes about a session, an account or the tree forgets the entries it touches
// at once; a change made by another process (a second server, a command) shows within TTL_MS.
import type { Actor } from "./actor.ts";

/** How long an actor read from the database is used without reading it again. */
export const SESSION_CACHE_TTL_MS = 5_000;
/** Sessions remembered at most; the oldest go first. */
const MAX_ENTRIES = 20_000;

interface Entry {
  actor: Actor;
  /** When the entry stops being used: its TTL, or the session's own expiry if sooner. */
  until: number;
}

export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  /** Moves with every forget: an actor read before a forget may be older than it, and is not kept. */
  #epoch = 0;

  constructor(ttlMs = SESSION_CACHE_TTL_MS) {
    this.#ttlMs = ttlMs;
  }

  get(tokenHash: string, now: number): Actor | null {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until <= now) {
      this.#entries.delete(tokenHash);
      return null;
    }
    return entry.actor;
  }

  /** Taken before reading a session from the database, and given back to `set`. */
  get epoch(): number {
    return this.#epoch;
  }

  set(tokenHash: string, actor: Actor, now: number, sessionExpiresAt: number, epochAtRead: number): void {
    if (this.#ttlMs <= 0 || epochAtRead !== this.#epoch) return;
    this.#entries.delete(tokenHash);
    this.#entries.set(tokenHash, { actor, until: Math.min(now + this.#ttlMs, sessionExpiresAt) });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  forgetSession(tokenHash: string): void {
    this.#epoch += 1;
    this.#entries.delete(tokenHash);
  }

  /** Every session of the account: its password, roles, name, language or state changed. */
  forgetAccount(accountId: number): void {
    this.#epoch += 1;
    for (const [key, entry] of this.#entries) {
      if (entry.actor.accountId === accountId) this.#entries.delete(key);
    }
  }

  /** Everything: accounts or organisations (names, paths, states in the grants) changed. */
  forgetAll(): void {
    this.#epoch += 1;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
