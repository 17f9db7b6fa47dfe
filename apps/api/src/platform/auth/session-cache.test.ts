import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { SessionCache } from "./session-cache.ts";

const actor = (accountId: number): Actor => ({
  accountId,
  username: `u${accountId}`,
  displayName: `Người ${accountId}`,
  locale: "vi",
  email: null,
  mustChangePassword: false,
  totpEnabled: false,
  grants: [],
  sessionTokenHash: `h${accountId}`,
  csrfToken: "c",
});

describe("SessionCache", () => {
  it("serves an actor until its time is up, or the session's expiry if sooner", () => {
    const cache = new SessionCache(5_000);
    cache.set("a", actor(1), 1_000, 1_000_000, cache.epoch);
    cache.set("b", actor(2), 1_000, 3_000, cache.epoch);
    expect(cache.get("a", 5_999)?.accountId).toBe(1);
    expect(cache.get("a", 6_000)).toBeNull();
    expect(cache.get("b", 2_999)?.accountId).toBe(2);
    expect(cache.get("b", 3_000)).toBeNull();
  });

  it("forgets a session, an account's sessions, or all", () => {
    const cache = new SessionCache(5_000);
    const put = (key: string, id: number) => cache.set(key, actor(id), 0, 1e9, cache.epoch);
    put("a1", 1);
    put("a2", 1);
    put("b", 2);
    cache.forgetSession("a1");
    expect(cache.get("a1", 1)).toBeNull();
    expect(cache.get("a2", 1)).not.toBeNull();
    cache.forgetAccount(1);
    expect(cache.get("a2", 1)).toBeNull();
    expect(cache.get("b", 1)).not.toBeNull();
    cache.forgetAll();
    expect(cache.size).toBe(0);
  });

  it("does not keep an actor read before a forget (it may predate the change)", () => {
    const cache = new SessionCache(5_000);
    const epoch = cache.epoch;
    cache.forgetAccount(1);
    cache.set("a", actor(1), 0, 1e9, epoch);
    expect(cache.get("a", 1)).toBeNull();
    cache.set("a", actor(1), 0, 1e9, cache.epoch);
    expect(cache.get("a", 1)).not.toBeNull();
  });

  it("keeps nothing with a time of 0", () => {
    const cache = new SessionCache(0);
    cache.set("a", actor(1), 0, 1e9, cache.epoch);
    expect(cache.get("a", 0)).toBeNull();
  });
});
