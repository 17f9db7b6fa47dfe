// Read routing against a real primary and hot standby (ADR 0009): routed reads are answered by the
// standby; a write is visible to its author at once even while the standby stands still (replay paused),
// and another instance of the app honours the author's cookie; other readers see the standby's older
// state until it catches up; with the standby stopped every routed read still answers. Needs the
// machine's PostgreSQL binaries whatever NAMRO_TEST_DB says: its own Vitest project (`replication`),
// run once by `npm test`.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { startReplicaPair, type ThrowawayReplicaPair } from "../../../test/postgres-replica.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../db/database.ts";
import { migrateToLatest } from "../../db/migrator.ts";
import { ReplicaMonitor } from "../../db/replica-monitor.ts";
import type { OrganisationRow } from "../../db/schema.ts";
import type { ReadRouter } from "./read-routing.ts";
import { lastWriteCookieName } from "./read-your-writes.ts";

let pair: ThrowawayReplicaPair;
let t: TestApp;
let router: ReadRouter;
let primary: pg.Pool;
let standby: pg.Pool;
let province: OrganisationRow;
let author: TestSession; // writes while the standby is paused
let other: TestSession; // never writes

beforeAll(async () => {
  pair = await startReplicaPair("namro", async (url) => {
    const handle = await openDatabase({ kind: "server", url, poolSize: 2 });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
  });
  const database = await openDatabase({
    kind: "server",
    url: pair.primaryUrl,
    replicaUrl: pair.standbyUrl,
    poolSize: 4,
  });
  t = await createTestApp({ database });
  const routing = t.app.readRouting;
  if (!routing) throw new Error("the app built no read routing although the database has a replica");
  router = routing;
  primary = new pg.Pool({ connectionString: pair.primaryUrl, max: 2 });
  standby = new pg.Pool({ connectionString: pair.standbyUrl, max: 2 });
  await primary.query("CREATE TABLE replication_tick (at timestamptz NOT NULL DEFAULT now())");
  ({ province } = await createProvince(t.database.db, "Tỉnh ủy Bản Sao"));
  author = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  other = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  await standbyCaughtUp();
}, 120_000);

afterAll(async () => {
  await t?.close();
  await primary?.end();
  await standby?.end().catch(() => undefined);
  pair?.stop();
});

/**
 * Until the standby has replayed everything the primary has written so far. Each try writes a row on
 * the primary: the insert position after a write may lie just past a WAL page header, which replay
 * reaches only with the next record.
 */
async function standbyCaughtUp(): Promise<void> {
  const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
  const target = rows[0]?.lsn ?? "";
  await vi.waitFor(
    async () => {
      await primary.query("INSERT INTO replication_tick DEFAULT VALUES");
      await router.monitor.refresh();
      const { rows: caught } = await standby.query<{ ok: boolean }>(
        "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok",
        [target],
      );
      expect(caught[0]?.ok).toBe(true);
      expect(router.monitor.usable).toBe(true);
    },
    { timeout: 20_000, interval: 50 },
  );
}

function get(session: TestSession, url: string): Promise<LightMyRequestResponse> {
  return t.call(session, { method: "GET", url });
}

/** The dashboard's task count; on another app instance when given, with an extra cookie. */
async function dashboardTotal(session: TestSession, app?: FastifyInstance, cookie?: string) {
  const url = `/api/task-dashboard?orgId=${province.id}`;
  const response = app
    ? await app.inject({
        method: "GET",
        url,
        headers: { cookie: cookie ? `${session.cookie}; ${cookie}` : session.cookie },
      })
    : await get(session, url);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { figures: { counts: { total: number } } }).figures.counts.total;
}

async function orgSearch(session: TestSession, q: string): Promise<string[]> {
  const response = await get(session, `/api/organisations/search?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { name: string }[] }).items.map((item) => item.name);
}

function replicaPool(): pg.Pool {
  const replica = t.database.replica;
  if (!replica) throw new Error("the test database has no replica");
  return replica.pool;
}

/** What the router did during `work`: how many routed reads each database answered. */
async function routed(work: () => Promise<unknown>) {
  const before = { ...router.counts };
  await work();
  return {
    replica: router.counts.replica - before.replica,
    primary: router.counts.primary - before.primary,
    fallback: router.counts.fallback - before.fallback,
  };
}

describe("read routing to a hot standby", () => {
  it("answers dashboard, report and search reads from the standby", async () => {
    // The first dashboard finds the precomputed roll-ups not yet built: refreshing them is a write, which
    // the standby refuses, so the primary answers and builds them.
    expect(await routed(() => dashboardTotal(other))).toEqual({ replica: 0, primary: 0, fallback: 1 });
    // A refusal by design, not a failing replica: it stays in use.
    expect(router.monitor.usable).toBe(true);
    await standbyCaughtUp();
    const reads = await routed(async () => {
      expect(await dashboardTotal(other)).toBe(0);
      for (const url of [
        `/api/task-rollup?orgId=${province.id}`,
        "/api/organisations/search?q=ban%20sao",
        "/api/documents?q=nghi%20quyet",
        "/api/documents",
        "/api/members?q=nguyen",
        `/api/member-statistics?orgId=${province.id}`,
      ]) {
        const response = await get(other, url);
        expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      }
    });
    expect(reads).toEqual({ replica: 7, primary: 0, fallback: 0 });
    // Only routed reads: a task's own list is read from the primary, outside the router.
    expect(await routed(() => get(other, "/api/tasks"))).toEqual({ replica: 0, primary: 0, fallback: 0 });
  });

  it("shows its author a write at once while the standby is paused; others see the standby until it catches up", async () => {
    await standby.query("SELECT pg_wal_replay_pause()");
    await vi.waitFor(async () => {
      const { rows } = await standby.query<{ state: string }>(
        "SELECT pg_get_wal_replay_pause_state() AS state",
      );
      expect(rows[0]?.state).toBe("paused");
    });
    // Written behind the app's back (no session noted it): only the primary has it now.
    await createOrg(t.database.db, province, { name: "Chi bộ Thôn Bản Sao", typeCode: "chi_bo_truc_thuoc" });
    const before = await routed(() => orgSearch(other, "thon ban sao"));
    expect(before).toEqual({ replica: 1, primary: 0, fallback: 0 });
    expect(await orgSearch(other, "thon ban sao")).toEqual([]);

    const created = await t.call(author, {
      method: "POST",
      url: "/api/tasks",
      payload: { ownerOrgId: province.id, title: "Rà soát đảng viên trên bản sao" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const walCookie = created.cookies.find((cookie) => cookie.name === lastWriteCookieName(false));
    expect(walCookie?.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

    // The author: from the primary (the standby has not replayed the write), with the new task and org.
    expect(await routed(async () => expect(await dashboardTotal(author)).toBe(1))).toEqual({
      replica: 0,
      primary: 1,
      fallback: 0,
    });
    expect(await orgSearch(author, "thon ban sao")).toEqual(["Chi bộ Thôn Bản Sao"]);
    // Another reader: from the standby, which does not have it yet.
    expect(await routed(async () => expect(await dashboardTotal(other)).toBe(0))).toEqual({
      replica: 1,
      primary: 0,
      fallback: 0,
    });

    // A second instance of the app knows nothing of the author's session but reads the cookie.
    const second = await buildApp({
      database: t.database,
      config: { ...loadConfig({}), webDistDir: "/nonexistent" },
    });
    try {
      await second.ready();
      await vi.waitFor(() => expect(second.readRouting?.monitor.usable).toBe(true));
      // Without the cookie it cannot know (the standby answers); with it, the primary. It remembers.
      expect(await dashboardTotal(author, second)).toBe(0);
      expect(await dashboardTotal(author, second, `${walCookie?.name}=${walCookie?.value}`)).toBe(1);
      expect(await dashboardTotal(author, second)).toBe(1);
    } finally {
      await second.close();
    }

    // A standby left behind for longer than the allowed lag is not used at all (here 300 ms instead of
    // 30 s), with one warning; caught up, it is used again.
    const warnings: string[] = [];
    const strict = new ReplicaMonitor(t.database.pool, replicaPool(), {
      maxLagMs: 300,
      log: { warn: (message) => warnings.push(message), info: () => undefined },
    });
    await strict.refresh();
    expect(strict.usable).toBe(true);
    await vi.waitFor(
      async () => {
        await primary.query("INSERT INTO replication_tick DEFAULT VALUES");
        await strict.refresh();
        expect(strict.usable).toBe(false);
      },
      { timeout: 10_000, interval: 100 },
    );
    await strict.refresh();
    expect(warnings).toEqual([expect.stringMatching(/read replica not used.*behind the primary/)]);

    await standby.query("SELECT pg_wal_replay_resume()");
    await standbyCaughtUp();
    await vi.waitFor(async () => {
      await strict.refresh();
      expect(strict.usable).toBe(true);
    });
    // Caught up: the author's reads are the standby's again, and everyone sees the task.
    expect(await routed(async () => expect(await dashboardTotal(author)).toBe(1))).toEqual({
      replica: 1,
      primary: 0,
      fallback: 0,
    });
    expect(await dashboardTotal(other)).toBe(1);
    expect(await orgSearch(other, "thon ban sao")).toEqual(["Chi bộ Thôn Bản Sao"]);
  });

  it("answers every routed read from the primary when the standby is gone", async () => {
    await standby.end();
    pair.stopStandby();
    // At once (the router may not have noticed yet: the read fails over) and after it noticed.
    const first = await routed(async () => expect(await dashboardTotal(other)).toBe(1));
    expect(first.replica).toBe(0);
    expect(first.primary + first.fallback).toBe(1);
    await router.monitor.refresh();
    expect(router.monitor.usable).toBe(false);
    const later = await routed(async () => {
      expect(await dashboardTotal(author)).toBe(1);
      expect(await orgSearch(other, "thon ban sao")).toEqual(["Chi bộ Thôn Bản Sao"]);
      const documents = await get(other, "/api/documents?q=nghi%20quyet");
      expect(documents.statusCode, documents.body).toBe(200);
    });
    expect(later).toEqual({ replica: 0, primary: 3, fallback: 0 });
  });
});
