import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { Role } from "../../db/schema.ts";
import { type AuditEntryInput, recordAudit } from "../../platform/audit/audit-writer.ts";
import { systemClock } from "../../platform/clock.ts";
import { AuditService } from "./audit.service.ts";

let t: TestApp;
let province: Awaited<ReturnType<typeof createProvince>>;
let rootAdmin: TestSession;
let adminA: TestSession;
let ipCounter = 0;
const ids: Record<string, number> = {};

async function actor(roles: { role: Role; orgId: number }[]): Promise<TestSession> {
  const account = await t.createAccount(roles);
  ipCounter += 1;
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { username: account.username, password: "matkhau-thu-2026" },
    remoteAddress: `10.3.0.${ipCounter}`,
  });
  const cookie = response.cookies.find((c) => c.name.endsWith("namro_session"));
  const body = response.json() as { account: { id: number }; csrfToken: string };
  return {
    accountId: body.account.id,
    username: account.username,
    cookie: `${cookie?.name}=${cookie?.value}`,
    csrfToken: body.csrfToken,
  };
}

async function write(
  name: string,
  at: string,
  entry: Omit<AuditEntryInput, "entityType">,
  actorId: number | null = null,
) {
  await t.database.db.transaction().execute(async (trx) => {
    await recordAudit(
      trx,
      { actorId, actorName: actorId ? "Người kiểm thử" : "system", requestId: null },
      { ...entry, entityType: "org_type" },
      new Date(at),
    );
  });
  const row = await t.database.db
    .selectFrom("auditLog")
    .select("id")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  ids[name] = row.id;
}

async function list(session: TestSession | null, query: string) {
  return t.call(session, { method: "GET", url: `/api/audit?entityType=org_type${query}` });
}

function idsOf(response: { json(): unknown }): number[] {
  return (response.json() as { items: { id: number }[] }).items.map((item) => item.id);
}

beforeAll(async () => {
  t = await createTestApp();
  province = await createProvince(t.database.db);
  rootAdmin = await actor([{ role: "system_admin", orgId: province.province.id }]);
  adminA = await actor([{ role: "system_admin", orgId: province.communeA.id }]);
  await write(
    "a1",
    "2026-03-01T10:00:00Z",
    { action: "org_type.create", entityId: "1", orgId: province.communeA.id, after: { name: "Một" } },
    rootAdmin.accountId,
  );
  // 20:00 UTC on 2 March is 03:00 on 3 March in Vietnam.
  await write(
    "b1",
    "2026-03-02T20:00:00Z",
    { action: "org_type.create", entityId: "2", orgId: province.cellB.id },
    rootAdmin.accountId,
  );
  await write("sys", "2026-03-04T01:00:00Z", { action: "seed.bulk", entityId: null, orgId: null });
  await write(
    "a2",
    "2026-03-05T01:00:00Z",
    {
      action: "org_type.update",
      entityId: "1",
      orgId: province.cellA.id,
      before: { name: "Một" },
      after: { name: "Hai" },
    },
    adminA.accountId,
  );
});
afterAll(async () => {
  await t.close();
});

describe("listAudit", () => {
  it("shows entries inside the reader's scope, newest first; unfiled ones only to root administrators", async () => {
    const forA = await list(adminA, "");
    expect(forA.statusCode).toBe(200);
    expect(idsOf(forA)).toEqual([ids.a2, ids.a1]);
    const forRoot = await list(rootAdmin, "");
    expect(idsOf(forRoot)).toEqual([ids.a2, ids.sys, ids.b1, ids.a1]);
    const first = forA.json().items[0];
    expect(first).toEqual({
      id: ids.a2,
      occurredAt: "2026-03-05T01:00:00.000Z",
      actorId: adminA.accountId,
      actorName: "Người kiểm thử",
      action: "org_type.update",
      entityType: "org_type",
      entityId: "1",
      orgId: province.cellA.id,
      orgName: province.cellA.name,
      before: { name: "Một" },
      after: { name: "Hai" },
    });
    expect(forA.json()).toMatchObject({ page: 1, pageSize: 50, total: 2 });
  });

  it("filters by actor, action, entity, organisation subtree and Vietnamese calendar dates", async () => {
    expect(idsOf(await list(rootAdmin, `&actorId=${adminA.accountId}`))).toEqual([ids.a2]);
    expect(idsOf(await list(rootAdmin, "&action=org_type.create"))).toEqual([ids.b1, ids.a1]);
    expect(idsOf(await list(rootAdmin, "&entityId=1"))).toEqual([ids.a2, ids.a1]);
    expect(idsOf(await list(rootAdmin, `&orgId=${province.communeB.id}`))).toEqual([ids.b1]);
    expect(idsOf(await list(rootAdmin, `&orgId=${province.communeA.id}`))).toEqual([ids.a2, ids.a1]);
    expect(idsOf(await list(rootAdmin, "&from=2026-03-03&to=2026-03-03"))).toEqual([ids.b1]);
    expect(idsOf(await list(rootAdmin, "&to=2026-03-02"))).toEqual([ids.a1]);
    expect(idsOf(await list(rootAdmin, "&from=2026-03-04"))).toEqual([ids.a2, ids.sys]);
    const page2 = await list(rootAdmin, "&pageSize=3&page=2");
    expect(idsOf(page2)).toEqual([ids.a1]);
    expect(page2.json().total).toBe(4);
  });

  it("answers 404 outside the scope, 401 without a session, 400 with field paths", async () => {
    const outside = await list(adminA, `&orgId=${province.communeB.id}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("ORG_NOT_FOUND");
    expect((await list(null, "")).statusCode).toBe(401);
    const member = await actor([{ role: "member", orgId: province.province.id }]);
    expect((await list(member, "")).statusCode).toBe(404);
    const bad = await list(rootAdmin, "&from=2026-13-01&actorId=x&pageSize=500");
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "querystring.actorId",
      "querystring.from",
      "querystring.pageSize",
    ]);
  });
});

describe("verifyChain", () => {
  function service(batch?: number) {
    return new AuditService(
      { db: t.database.db, clock: systemClock },
      t.app.services.organisations,
      batch ? { verifyBatchSize: batch } : {},
    );
  }

  it("accepts an untouched chain, whatever the batch size", async () => {
    const total = Number(
      (
        await t.database.db
          .selectFrom("auditLog")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total).toBeGreaterThan(4);
    for (const batch of [undefined, 1, 2, 3]) {
      expect(await service(batch).verifyChain()).toEqual({
        ok: true,
        checked: total,
        firstBrokenId: null,
        reason: null,
      });
    }
  });

  it("detects a changed row", async () => {
    const id = ids.a1 ?? 0;
    await sql`UPDATE audit_log SET after = '{"name": "Giả mạo"}'::jsonb WHERE id = ${id}`.execute(
      t.database.db,
    );
    const result = await service(2).verifyChain();
    expect(result).toMatchObject({ ok: false, firstBrokenId: id });
    expect(result.reason).toContain("changed");
    await sql`UPDATE audit_log SET after = '{"name": "Một"}'::jsonb WHERE id = ${id}`.execute(t.database.db);
    expect((await service().verifyChain()).ok).toBe(true);
  });

  it("detects a row moved to another organisation's scope", async () => {
    const id = ids.a1 ?? 0;
    const original = await sql<{
      path: string;
    }>`SELECT org_path::text AS path FROM audit_log WHERE id = ${id}`.execute(t.database.db);
    await sql`UPDATE audit_log SET org_path = '999999'::ltree WHERE id = ${id}`.execute(t.database.db);
    expect(await service(2).verifyChain()).toMatchObject({ ok: false, firstBrokenId: id });
    await sql`UPDATE audit_log SET org_path = ${original.rows[0]?.path ?? null}::ltree WHERE id = ${id}`.execute(
      t.database.db,
    );
    expect((await service().verifyChain()).ok).toBe(true);
  });

  it("detects a deleted row", async () => {
    const next = await t.database.db
      .selectFrom("auditLog")
      .select("id")
      .where("id", ">", ids.b1 ?? 0)
      .orderBy("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_log WHERE id = ${ids.b1}`.execute(t.database.db);
    const result = await service(2).verifyChain();
    expect(result).toMatchObject({ ok: false, firstBrokenId: next.id });
    expect(result.reason).toContain("deleted");
  });
});
