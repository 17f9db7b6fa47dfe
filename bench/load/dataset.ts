// The load test's data: the province dataset (PostgreSQL database or PGlite folder), brought up to date
// and completed when a part is missing, plus one account per session, and what each session browses.
// Runs before the server starts (PGlite serves one process: the folder is locked while open here).
import { type Kysely, sql } from "kysely";
import type { Database } from "../../apps/api/src/db/schema.ts";
import { hashPassword } from "../../apps/api/src/platform/auth/passwords.ts";
import { loadAccounts } from "../../apps/api/src/seed/bulk-load.ts";
import { DEMO_PASSWORD } from "../../apps/api/src/seed/demo-seed.ts";
import { personName } from "../../apps/api/src/seed/person-name.ts";
import { pgliteDataset, postgresDataset } from "../datasets.ts";

export type LoadDb = "postgres" | "pglite";

/** Cell secretaries added for the load test (`<cell code>.bithu`), so that 200 people can sign in at once. */
export const CELL_ACCOUNT_SUFFIX = ".bithu";

export interface SessionPlan {
  username: string;
  password: string;
  role: string;
  /** The organisation the role is held over. */
  orgId: number;
  /** Organisations the person opens: their own, its children, a few further down. */
  orgIds: number[];
  /** Cells (or the commune) whose member lists they open. */
  memberListOrgIds: number[];
  memberIds: number[];
  orgQueries: string[];
  memberQueries: string[];
  documentQueries: string[];
  /** Leaf tasks the person may both report and review (their committee assigned them): staff only. */
  reportTaskIds: number[];
  permissions: { members: boolean; tasks: boolean; uploads: boolean; reports: boolean };
}

/** Opens the dataset, completes it (resumable: nothing when complete), adds the cell accounts. */
export async function prepareDataset(
  db: LoadDb,
  options: { postgresUrl: string; pgliteDir: string; sessions: number },
): Promise<SessionPlan[]> {
  if (db === "postgres") process.env.BENCH_POSTGRES_URL = options.postgresUrl;
  const dataset =
    db === "postgres"
      ? await postgresDataset("province", { members: true, documents: true, tasks: true })
      : await pgliteDataset("province", { members: true, documents: true, tasks: true });
  try {
    await addCellAccounts(dataset.database.db, options.sessions);
    return await planSessions(dataset.database.db, options.sessions);
  } finally {
    await dataset.close();
  }
}

interface AccountRow {
  username: string;
  role: string;
  orgId: number;
  orgPath: string;
  orgType: string;
}

async function accountsOfProvince(db: Kysely<Database>): Promise<AccountRow[]> {
  const rows = await sql<AccountRow>`
    SELECT a.username, ra.role, o.id::int AS "orgId", o.path::text AS "orgPath", o.type_code AS "orgType"
    FROM accounts a
    JOIN role_assignments ra ON ra.account_id = a.id
    JOIN organisations o ON o.id = ra.org_id
    WHERE a.disabled_at IS NULL AND NOT a.totp_enabled AND NOT a.must_change_password
      AND o.path <@ (SELECT path FROM organisations WHERE code = 'BN')
    ORDER BY a.id`.execute(db);
  return rows.rows;
}

/** Enough cell secretaries for `sessions` people: cells spread over the communes, in code order. */
async function addCellAccounts(db: Kysely<Database>, sessions: number): Promise<void> {
  const existing = await accountsOfProvince(db);
  const missing = sessions - new Set(existing.map((row) => row.username)).size;
  if (missing <= 0) return;
  const cells = await sql<{ code: string }>`
    SELECT c.code FROM organisations c
    WHERE c.type_code IN ('chi_bo_truc_thuoc', 'chi_bo_co_so') AND c.status = 'active'
      AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.username = lower(c.code) || ${CELL_ACCOUNT_SUFFIX})
    ORDER BY (row_number() OVER (PARTITION BY subpath(c.path, 0, 2) ORDER BY c.code)), c.code
    LIMIT ${missing}`.execute(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = cells.rows.map((cell) => {
    const username = `${cell.code.toLowerCase()}${CELL_ACCOUNT_SUFFIX}`;
    return {
      username,
      displayName: personName(username),
      role: "cell_secretary" as const,
      orgCode: cell.code,
    };
  });
  await db.transaction().execute((trx) => loadAccounts(trx, accounts, passwordHash));
  console.error(
    `  ${accounts.length} tài khoản bí thư chi bộ cho phép thử tải (cell accounts for the load test)`,
  );
}

const PERMISSIONS: Record<string, SessionPlan["permissions"]> = {
  system_admin: { members: true, tasks: true, uploads: true, reports: false },
  committee_leader: { members: true, tasks: true, uploads: false, reports: false },
  committee_staff: { members: true, tasks: true, uploads: true, reports: true },
  cell_secretary: { members: true, tasks: true, uploads: true, reports: false },
  member: { members: false, tasks: true, uploads: false, reports: false },
};

/** Words people type, without diacritics, taken from the names in the scope. */
function wordsOf(names: string[], count: number): string[] {
  const words = new Set<string>();
  for (const name of names) {
    const parts = name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length >= 2);
    // Two consecutive words ("tan hung", "thon 3") as people search, else the last word.
    if (parts.length >= 2) words.add(parts.slice(-2).join(" "));
    else if (parts[0]) words.add(parts[0]);
    if (words.size >= count) break;
  }
  return [...words];
}

const DOCUMENT_QUERIES = [
  "nghi quyet",
  "ke hoach",
  "cong tac dang vien",
  "kiem tra giam sat",
  "chuyen doi so",
  "to chuc co so dang",
  "bao cao",
  "xay dung dang",
  "phat trien dang vien",
  "thong bao",
];

async function planSessions(db: Kysely<Database>, sessions: number): Promise<SessionPlan[]> {
  const accounts = (await accountsOfProvince(db)).filter((row) => PERMISSIONS[row.role]);
  // One grant per person (the first), and never the same person twice.
  const seen = new Set<string>();
  const people = accounts.filter((row) => !seen.has(row.username) && seen.add(row.username));
  if (people.length < sessions) {
    throw new Error(
      `Chỉ có ${people.length} tài khoản trong tỉnh, cần ${sessions} (only ${people.length} accounts for ${sessions} sessions)`,
    );
  }
  const plans: SessionPlan[] = [];
  const taken = new Set<number>();
  for (const [index, person] of people.slice(0, sessions).entries()) {
    const orgs = await sql<{ id: number; name: string; typeCode: string; depth: number }>`
      SELECT id::int, name, type_code AS "typeCode", nlevel(path) - nlevel(${person.orgPath}::ltree) AS depth
      FROM organisations
      WHERE path <@ ${person.orgPath}::ltree AND status = 'active' AND nlevel(path) <= nlevel(${person.orgPath}::ltree) + 2
      ORDER BY depth, md5(id::text || ${String(index)}) LIMIT 40`.execute(db);
    const cells = orgs.rows.filter((o) => o.typeCode.startsWith("chi_bo")).map((o) => o.id);
    const members = await sql<{ id: number; fullName: string }>`
      SELECT m.id::int, m.full_name AS "fullName"
      FROM members m JOIN organisations o ON o.id = m.org_id
      WHERE o.path <@ ${person.orgPath}::ltree AND m.status IN ('probationary', 'full')
      -- Seeded members first: another benchmark's import may add and remove members meanwhile.
      ORDER BY m.created_at < now() - interval '10 minutes' DESC, md5(m.id::text || ${String(index)}) LIMIT 20`.execute(
      db,
    );
    const permissions = PERMISSIONS[person.role] as SessionPlan["permissions"];
    // Tasks the person's own committee assigned and one of its units leads: they report and review them.
    const tasks = permissions.reports
      ? await sql<{ id: number }>`
          SELECT t.id::int FROM tasks t
          WHERE t.owner_org_id = ${person.orgId} AND t.lead_org_id IS NOT NULL AND NOT t.has_children
            AND t.state = 'active' AND t.start_date <= current_date
            AND NOT EXISTS (SELECT 1 FROM tasks a WHERE a.tree_path @> t.tree_path AND a.state <> 'active')
            AND NOT (t.id = ANY(${[...taken]}::bigint[]))
          ORDER BY md5(t.id::text) LIMIT 8`.execute(db)
      : { rows: [] };
    // Two people of one committee (a commune's staff and a demo account) never cycle the same report.
    for (const task of tasks.rows) taken.add(task.id);
    plans.push({
      username: person.username,
      password: DEMO_PASSWORD,
      role: person.role,
      orgId: person.orgId,
      orgIds: orgs.rows.slice(0, 20).map((o) => o.id),
      memberListOrgIds: cells.length > 0 ? cells.slice(0, 10) : [person.orgId],
      memberIds: members.rows.map((m) => m.id),
      orgQueries: wordsOf(
        orgs.rows.map((o) => o.name),
        6,
      ),
      memberQueries: members.rows.slice(0, 6).map((m) => wordsOf([m.fullName], 1)[0] ?? m.fullName),
      documentQueries: DOCUMENT_QUERIES.filter((_, i) => (i + index) % 3 !== 0),
      reportTaskIds: tasks.rows.map((t) => t.id),
      permissions,
    });
  }
  return plans;
}
