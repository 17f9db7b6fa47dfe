// The whole HTTP app in-process (buildApp + app.inject, no socket) on a benchmark dataset, with a
// national administrator (system administrator over every root) and a commune-scoped staff member
// signed in.
import { toSearchKey } from "@namro/domain";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { buildApp } from "../../apps/api/src/app.ts";
import { loadConfig } from "../../apps/api/src/config.ts";
import { hashPassword } from "../../apps/api/src/platform/auth/passwords.ts";
import { DEMO_PASSWORD } from "../../apps/api/src/seed/demo-seed.ts";
import type { Dataset } from "../datasets.ts";

export interface BenchSession {
  username: string;
  cookie: string;
  /** For state-changing requests (X-CSRF-Token). */
  csrfToken: string;
  /** Root of the account's scope. */
  scopeOrgId: number;
}

export interface AppFixture {
  app: FastifyInstance;
  admin: BenchSession;
  communeStaff: BenchSession;
  get(session: BenchSession | null, url: string): Promise<unknown>;
  close(): Promise<void>;
}

const ADMIN_USERNAME = "bench.quantri";

async function ensureNationalAdmin(dataset: Dataset): Promise<void> {
  const db = dataset.database.db;
  const existing = await db
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", ADMIN_USERNAME)
    .executeTakeFirst();
  if (existing) return;
  const displayName = "Quản trị toàn quốc (benchmark)";
  const account = await db
    .insertInto("accounts")
    .values({
      username: ADMIN_USERNAME,
      displayName,
      searchKey: toSearchKey(displayName),
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO role_assignments (account_id, role, org_id)
    SELECT ${account.id}, 'system_admin', id FROM organisations WHERE parent_id IS NULL AND status = 'active'`.execute(
    db,
  );
}

export async function signIn(
  app: FastifyInstance,
  username: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { username, password: DEMO_PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name.endsWith("namro_session"));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return {
    cookie: `${cookie.name}=${cookie.value}`,
    csrfToken: (response.json() as { csrfToken: string }).csrfToken,
  };
}

export async function openAppFixture(dataset: Dataset): Promise<AppFixture> {
  await ensureNationalAdmin(dataset);
  const config = { ...loadConfig({}), webDistDir: "/nonexistent" };
  const app = await buildApp({ database: dataset.database, config });
  await app.ready();
  const db = dataset.database.db;
  // A commune staff account: the fourth commune by id that has one (Hà Nội at national scale).
  const staffRows = await sql<{ username: string; orgId: number }>`
    SELECT a.username, o.id AS org_id FROM role_assignments r
    JOIN accounts a ON a.id = r.account_id JOIN organisations o ON o.id = r.org_id
    WHERE r.role = 'committee_staff' AND o.type_code = 'dang_uy_xa' AND o.status = 'active'
    ORDER BY o.id LIMIT 4`.execute(db);
  const staff = staffRows.rows.at(-1);
  if (!staff) throw new Error("no commune staff account in this dataset");
  const root = await db
    .selectFrom("organisations")
    .select("id")
    .where("parentId", "is", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const admin = { username: ADMIN_USERNAME, ...(await signIn(app, ADMIN_USERNAME)), scopeOrgId: root.id };
  const communeStaff = {
    username: staff.username,
    ...(await signIn(app, staff.username)),
    scopeOrgId: staff.orgId,
  };
  return {
    app,
    admin,
    communeStaff,
    async get(session, url) {
      const response = await app.inject({
        method: "GET",
        url,
        headers: session ? { cookie: session.cookie } : {},
      });
      if (response.statusCode !== 200)
        throw new Error(`GET ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      return response.json();
    },
    close: () => app.close(),
  };
}
