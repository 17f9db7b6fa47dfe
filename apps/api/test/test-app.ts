// An in-process app on a fresh test database, with helpers to create accounts and sign in.
import { toSearchKey } from "@namro/domain";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { DatabaseHandle } from "../src/db/database.ts";
import type { Role } from "../src/db/schema.ts";
import { hashPassword } from "../src/platform/auth/passwords.ts";
import { type Clock, fixedClock, systemClock } from "../src/platform/clock.ts";
import { uniqueSuffix } from "./factories.ts";
import { openTestDatabase } from "./test-database.ts";

export const TEST_PASSWORD = "matkhau-thu-2026";
let cachedHash: string | null = null;

export interface TestSession {
  accountId: number;
  username: string;
  cookie: string;
  csrfToken: string;
}

/** The session a successful sign-in response opened (cookie and CSRF token). */
export function sessionFromSignIn(response: LightMyRequestResponse, username: string): TestSession {
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name.endsWith("namro_session"));
  if (!cookie) throw new Error("sign-in set no session cookie");
  const body = response.json() as { account: { id: number }; csrfToken: string };
  return {
    accountId: body.account.id,
    username,
    cookie: `${cookie.name}=${cookie.value}`,
    csrfToken: body.csrfToken,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: Clock;
  close(): Promise<void>;
  /** Creates an account holding the given roles (no HTTP) and returns its id and username. */
  createAccount(
    roles: { role: Role; orgId: number }[],
    username?: string,
  ): Promise<{ id: number; username: string }>;
  signIn(username: string, password?: string): Promise<TestSession>;
  /** Creates an account with the roles and signs it in. */
  actor(roles: { role: Role; orgId: number }[]): Promise<TestSession>;
  /** An injected request carrying the session cookie and CSRF header. */
  call(session: TestSession | null, options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function createTestApp(
  options: {
    now?: string;
    /** Instead of a fresh test database (closed with the app). */
    database?: DatabaseHandle;
    /**
     * Sessions reused for this long (ADR 0010). Default 0: tests change roles and accounts straight in
     * the database, as another process would, and expect the next request to see it.
     */
    sessionCacheMs?: number;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase());
  const clock = options.now ? fixedClock(options.now) : systemClock;
  const config = {
    ...loadConfig({}),
    webDistDir: "/nonexistent",
    sessionCacheMs: options.sessionCacheMs ?? 0,
  };
  const app = await buildApp({ database, config, clock });
  await app.ready();

  const createAccount: TestApp["createAccount"] = async (roles, username = `u${uniqueSuffix()}`) => {
    cachedHash ??= await hashPassword(TEST_PASSWORD);
    const displayName = `Người dùng ${username}`;
    const account = await database.db
      .insertInto("accounts")
      .values({ username, displayName, searchKey: toSearchKey(displayName), passwordHash: cachedHash })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const grant of roles) {
      await database.db
        .insertInto("roleAssignments")
        .values({ accountId: account.id, ...grant })
        .execute();
    }
    return { id: account.id, username };
  };

  const signIn: TestApp["signIn"] = async (username, password = TEST_PASSWORD) => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { username, password },
    });
    return sessionFromSignIn(response, username);
  };

  return {
    app,
    database,
    clock,
    createAccount,
    signIn,
    async actor(roles) {
      const account = await createAccount(roles);
      return signIn(account.username);
    },
    call(session, options) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (session) {
        headers.cookie = session.cookie;
        headers["x-csrf-token"] = session.csrfToken;
      }
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
