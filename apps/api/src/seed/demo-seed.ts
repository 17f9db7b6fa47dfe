// The demo province seeded on first start: "Tỉnh ủy Bắc Ninh" after the 2025 re-organisation with its
// departments, two agency committees, 60 commune-level committees, grassroots units and cells
// (~1,500 organisations), one 2025 merger (xã Tân An + xã Hưng Đạo → xã Tân Hưng) written by the
// organisations service itself, and one account per role at several levels. All in one transaction.
import { todayInVietnam } from "@namro/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, Role } from "../db/schema.ts";
import { OrganisationsService } from "../modules/organisations/organisations.service.ts";
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from "../platform/audit/audit-writer.ts";
import { installerActor } from "../platform/auth/actor.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import { type Clock, fixedClock } from "../platform/clock.ts";
import { loadAccounts, loadPlannedOrgs, type PlannedAccount } from "./bulk-load.ts";
import { type DemoDocumentOrgs, seedDemoDocuments } from "./demo-documents.ts";
import { seedDemoTasks } from "./demo-tasks.ts";
import { joinTransaction } from "./join-transaction.ts";
import { DEMO_DENSITY, type Density, planCommune, planProvince } from "./province-plan.ts";
import { type SeedMembersOptions, seedMembers } from "./seed-members.ts";
import { DEMO_COMMUNES, PROVINCES, type ProvinceDef } from "./vietnamese-names.ts";

export const DEMO_PASSWORD = "namro-demo-2026";
export const DEMO_SETTING_KEY = "demo_seeded";
export const DEMO_ROOT_CODE = "BN";
export const MERGED_COMMUNE_CODE = "BN-TANHUNG";
export const FORMER_COMMUNE_CODES = ["BN-TANAN", "BN-HUNGDAO"] as const;
export const MERGER_DATE = "2025-07-01";
export const MERGER_DECISION = "Nghị quyết 1658/NQ-UBTVQH15";
/** About how many members the demo province gets, spread over its cells. */
export const DEMO_MEMBERS = 20_000;

export interface DemoAccount {
  username: string;
  password: string;
  description: string;
}

export interface DemoSeedResult {
  seeded: boolean;
  demoAccounts: DemoAccount[];
}

interface DemoAccountSpec {
  username: string;
  displayName: string;
  role: Role;
  /** Code of the organisation the role is held over; "{cell}" is the demo cell of Tân Hưng. */
  orgCode: string;
  description: string;
}

const DEMO_CELL = "{cell}";

const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  {
    username: "admin",
    displayName: "Quản trị hệ thống",
    role: "system_admin",
    orgCode: "BN",
    description: "Quản trị hệ thống — Tỉnh ủy Bắc Ninh",
  },
  {
    username: "vanphong",
    displayName: "Nguyễn Thị Hương",
    role: "committee_staff",
    orgCode: "BN",
    description: "Chuyên viên Văn phòng Tỉnh ủy — toàn tỉnh",
  },
  {
    username: "bithu.tinh",
    displayName: "Trần Văn Minh",
    role: "committee_leader",
    orgCode: "BN",
    description: "Bí thư Tỉnh ủy Bắc Ninh (lãnh đạo)",
  },
  {
    username: "tanhung",
    displayName: "Lê Thị Lan",
    role: "committee_staff",
    orgCode: MERGED_COMMUNE_CODE,
    description: "Chuyên viên Đảng ủy xã Tân Hưng",
  },
  {
    username: "bithu.tanhung",
    displayName: "Phạm Đức Thắng",
    role: "committee_leader",
    orgCode: MERGED_COMMUNE_CODE,
    description: "Bí thư Đảng ủy xã Tân Hưng",
  },
  {
    username: "phuong.kinhbac",
    displayName: "Hoàng Minh Tuấn",
    role: "committee_staff",
    orgCode: "BN-001",
    description: "Chuyên viên Đảng ủy phường Kinh Bắc",
  },
  {
    username: "bithu.chibo",
    displayName: "Vũ Thị Mai",
    role: "cell_secretary",
    orgCode: DEMO_CELL,
    description: "Bí thư chi bộ thôn (xã Tân Hưng)",
  },
  {
    username: "dangvien",
    displayName: "Đặng Văn Nam",
    role: "member",
    orgCode: DEMO_CELL,
    description: "Đảng viên chi bộ thôn (xã Tân Hưng)",
  },
];

/** Small former communes: they existed from 2015 and merge into Tân Hưng in 2025. */
const FORMER_DENSITY: Density = {
  villageCells: [7, 9],
  grassrootsCells: [1, 2],
  grassrootsCommittees: [0, 0],
  committeeCells: [0, 0],
  agencyCommittees: 0,
};

/**
 * The demo's members: every cell of the province, with posts and full histories; the demo cell's
 * secretary and one member carry the names of the cell secretary's and the member's demo accounts.
 */
export function demoMemberOptions(today: string, demoCellCode: string): SeedMembersOptions {
  const accountName = (username: string) =>
    DEMO_ACCOUNTS.find((a) => a.username === username)?.displayName ?? username;
  return {
    rootCode: DEMO_ROOT_CODE,
    provinceCode: DEMO_ROOT_CODE,
    run: "demo",
    total: DEMO_MEMBERS,
    today,
    numberBlock: 0,
    posts: true,
    fullHistory: true,
    featured: {
      cellCode: demoCellCode,
      secretaryName: accountName("bithu.chibo"),
      memberName: accountName("dangvien"),
    },
  };
}

export function demoProvince(): ProvinceDef {
  const province = PROVINCES.find((p) => p.code === DEMO_ROOT_CODE);
  if (!province) throw new Error("Bắc Ninh missing from PROVINCES");
  return province;
}

/** Every organisation of the demo except Tân Hưng (which the merger creates), parents first. */
export function planDemoProvince() {
  const province = demoProvince();
  const plan = planProvince({
    province,
    communes: DEMO_COMMUNES.map((c) => ({ name: c.name, kind: c.ward ? "phuong" : "xa" })),
    density: DEMO_DENSITY,
    rootValidFrom: "1997-01-01",
    agenciesValidFrom: "2025-03-01",
    communesValidFrom: MERGER_DATE,
  });
  const former = [
    planCommune(
      plan,
      { province, density: FORMER_DENSITY },
      { name: "Tân An", kind: "xa" },
      "BN-TANAN",
      0,
      "2015-01-01",
    ),
    planCommune(
      plan,
      { province, density: FORMER_DENSITY },
      { name: "Hưng Đạo", kind: "xa" },
      "BN-HUNGDAO",
      0,
      "2015-01-01",
    ),
  ];
  return { province, plan, former };
}

async function listDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const existing = await db
    .selectFrom("accounts")
    .select("username")
    .where(
      "username",
      "in",
      DEMO_ACCOUNTS.map((a) => a.username),
    )
    .where("disabledAt", "is", null)
    .execute();
  const names = new Set(existing.map((row) => row.username));
  return DEMO_ACCOUNTS.filter((a) => names.has(a.username)).map((a) => ({
    username: a.username,
    password: DEMO_PASSWORD,
    description: a.description,
  }));
}

async function isSeededOrInUse(executor: Kysely<Database> | Transaction<Database>): Promise<boolean> {
  const setting = await executor
    .selectFrom("systemSettings")
    .select("key")
    .where("key", "=", DEMO_SETTING_KEY)
    .executeTakeFirst();
  if (setting) return true;
  // A database that already holds organisations (real data, a restore) is never seeded.
  const org = await executor.selectFrom("organisations").select("id").limit(1).executeTakeFirst();
  return org !== undefined;
}

async function seedDemo(
  trx: Transaction<Database>,
  clock: Clock,
  passwordHash: string,
  log: (m: string) => void,
) {
  const started = performance.now();
  const { plan, former } = planDemoProvince();
  const loaded = await loadPlannedOrgs(trx, plan.orgs, null, "Khởi tạo dữ liệu mẫu (demo seed)");
  const root = {
    id: loaded.ids[0] as number,
    code: DEMO_ROOT_CODE,
    name: plan.orgs[0]?.name ?? "",
    path: loaded.paths[0] as string,
  };
  log(`  ${plan.orgs.length} tổ chức đã tạo (organisations created)`);

  await loadAccounts(
    trx,
    DEMO_ACCOUNTS.filter((a) => a.username === "admin"),
    passwordHash,
  );
  const admin = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "admin")
    .executeTakeFirstOrThrow();

  // The 2025 merger goes through the organisations service, so it writes exactly what a merge made
  // in the app writes (event, parts, lineage, closed versions, moved cells, audit row).
  const organisations = new OrganisationsService({ db: joinTransaction(trx), clock });
  const merge = await organisations.mergeOrgs(
    installerActor(admin.id, "Hệ thống (dữ liệu mẫu)", root),
    {
      effectiveDate: MERGER_DATE,
      reason: "Sắp xếp đơn vị hành chính cấp xã năm 2025: hợp nhất xã Tân An và xã Hưng Đạo",
      decisionRef: MERGER_DECISION,
      sourceIds: former.map((index) => loaded.ids[index] as number),
      target: {
        name: "Đảng ủy xã Tân Hưng",
        code: MERGED_COMMUNE_CODE,
        typeCode: "dang_uy_xa",
        parentId: root.id,
      },
    },
    SYSTEM_AUDIT_CONTEXT,
  );
  log("  Hợp nhất xã Tân An + xã Hưng Đạo → xã Tân Hưng (01/07/2025) (merger recorded)");

  // The demo cell: the first village cell that moved from Tân An to Tân Hưng.
  const tanHung = await trx
    .selectFrom("organisations")
    .select("id")
    .where("code", "=", MERGED_COMMUNE_CODE)
    .executeTakeFirstOrThrow();
  const cell = await trx
    .selectFrom("organisations")
    .select(["code", "name"])
    .where("parentId", "=", tanHung.id)
    .where("typeCode", "=", "chi_bo_truc_thuoc")
    .where("status", "=", "active")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const accounts: PlannedAccount[] = DEMO_ACCOUNTS.map((a) => ({
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    orgCode: a.orgCode === DEMO_CELL ? cell.code : a.orgCode,
  }));
  await loadAccounts(trx, accounts, passwordHash);

  const today = todayInVietnam(clock.now());
  const members = await seedMembers(trx, demoMemberOptions(today, cell.code));
  log(`  ${members.members} đảng viên, ${members.posts} chức vụ (members, posts)`);

  const documentsStarted = performance.now();
  const documents = await seedDemoDocuments(trx, await demoDocumentOrgs(trx, root.id), today);
  log(
    `  ${documents.documents} văn bản (${documents.placeholders} chờ bổ sung), ${documents.cascades} yêu cầu cụ thể hóa — ${Math.round(performance.now() - documentsStarted)} ms (documents, placeholders, cascades)`,
  );

  const tasksStarted = performance.now();
  const tasks = await seedDemoTasks(trx, cell.code, today, clock.now());
  log(
    `  ${tasks.tasks} nhiệm vụ, ${tasks.reports} báo cáo tiến độ — ${Math.round(performance.now() - tasksStarted)} ms (tasks, progress reports)`,
  );

  const counts = await trx
    .selectFrom("organisations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("systemSettings")
    .values({
      key: DEMO_SETTING_KEY,
      value: JSON.stringify({
        seededAt: clock.now().toISOString(),
        rootCode: DEMO_ROOT_CODE,
        demoCell: cell.code,
      }),
    })
    .execute();
  await recordAudit(
    trx,
    SYSTEM_AUDIT_CONTEXT,
    {
      action: "seed.demo",
      entityType: "system",
      entityId: DEMO_SETTING_KEY,
      orgId: root.id,
      after: {
        organisations: Number(counts.count),
        accounts: accounts.map((a) => a.username),
        members: members.members,
        documents: documents.documents,
        mergeEventId: merge.eventId,
      },
    },
    clock.now(),
  );
  log(`  xong trong ${((performance.now() - started) / 1000).toFixed(1)} s (done)`);
}

/** The organisations the demo register needs: the root, Ban Tổ chức, the communes, the merged two. */
export async function demoDocumentOrgs(
  trx: Transaction<Database>,
  rootId: number,
): Promise<DemoDocumentOrgs> {
  const rows = await trx
    .selectFrom("organisations")
    .select(["id", "code", "name", "typeCode", "status"])
    .where("parentId", "=", rootId)
    .orderBy("code")
    .execute();
  const commission = rows.find((row) => row.code === `${DEMO_ROOT_CODE}-BTC`);
  if (!commission) throw new Error("Ban Tổ chức missing from the demo plan");
  // The cells under each commune: a commune's plans are addressed to them ("Các chi bộ trực thuộc").
  const cells = await trx
    .selectFrom("organisations as cell")
    .innerJoin("orgTypes", "orgTypes.code", "cell.typeCode")
    .innerJoin("organisations as commune", (join) =>
      join.on(sql<boolean>`cell.path <@ commune.path AND cell.id <> commune.id`),
    )
    .select(["commune.id as communeId", "cell.id as cellId"])
    .where("commune.parentId", "=", rootId)
    .where("orgTypes.holdsMembers", "=", true)
    .where("cell.status", "=", "active")
    .orderBy("cell.id")
    .execute();
  const communes = rows
    .filter((row) => row.typeCode === "dang_uy_xa" && row.status === "active")
    .map((row) => {
      const [, word = "xã", name = row.name] = /^Đảng ủy (xã|phường|đặc khu) (.+)$/.exec(row.name) ?? [];
      const cellIds = cells
        .filter((c) => Number(c.communeId) === Number(row.id))
        .map((c) => Number(c.cellId));
      return { id: Number(row.id), code: row.code, name, word, cellIds };
    });
  const former = FORMER_COMMUNE_CODES.map((code) => {
    const row = rows.find((r) => r.code === code);
    if (!row) throw new Error(`former commune ${code} missing`);
    return { id: Number(row.id), code, name: row.name.replace(/^Đảng ủy xã /, "") };
  });
  return { rootId, organisationCommissionId: Number(commission.id), communes, former };
}

const SEED_LOCK_KEY = 7_240_202;

/**
 * Seeds the demo province into a database that has no organisations yet. Otherwise seeds nothing and
 * still lists the demo accounts that exist, so the terminal can print them on every start.
 */
export async function seedDemoIfEmpty(
  db: Kysely<Database>,
  log: (message: string) => void,
  /** The seed's moment (tests fix it; the demo's dates follow it). */
  now: Date = new Date(),
): Promise<DemoSeedResult> {
  if (await isSeededOrInUse(db)) return { seeded: false, demoAccounts: await listDemoAccounts(db) };
  log("Đang tạo dữ liệu mẫu: Tỉnh ủy Bắc Ninh… (seeding the demo province)");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const clock = fixedClock(now.toISOString());
  const seeded = await db.transaction().execute(async (trx) => {
    // Two servers starting at once on one PostgreSQL: the second waits, then finds the demo there.
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    if (await isSeededOrInUse(trx)) return false;
    await seedDemo(trx, clock, passwordHash, log);
    return true;
  });
  return { seeded, demoAccounts: await listDemoAccounts(db) };
}
