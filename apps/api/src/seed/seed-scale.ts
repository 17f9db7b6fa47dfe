// `namro seed --scale demo|province|national`: larger trees by bulk loading.
//   demo      the demo province (as on first start);
//   province  the demo plus a staff and a leader account for every commune of the province;
//   national  the above plus the other 33 provincial units at national density (~3,300 communes,
//             ~60k grassroots organisations, ~300k cells) with staff and leader accounts per province
//             and per commune.
// Members come on top, by bulk loading (seed-members.ts):
//   province  ~200,000 members in the demo province (the demo's 20,000 and 180,000 more);
//   national  the above plus ~15.5 members per cell in the other 33 provinces (~5.6 million in all).
// So does the register (seed-scale-documents.ts): ~18,000 documents in the demo province, ~1,000,000
// across the country, with relations and cascades (one of them requiring every committee of the country).
// And five-clears tasks (seed-scale-tasks.ts): ~200,000 in the demo province, ~5,000,000 in the country.
// Each province is one transaction and is skipped when its committee exists (organisations) or its
// members' run or documents are recorded (members, documents), so an interrupted run continues where it stopped and a finished
// one is a no-op.
import { todayInVietnam } from "@namro/domain";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from "../platform/audit/audit-writer.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import { type Anchor, loadAccounts, loadPlannedOrgs, type PlannedAccount } from "./bulk-load.ts";
import {
  DEMO_PASSWORD,
  DEMO_ROOT_CODE,
  DEMO_SETTING_KEY,
  type DemoSeedResult,
  demoMemberOptions,
  seedDemoIfEmpty,
} from "./demo-seed.ts";
import { personName } from "./person-name.ts";
import { generateCommunes, NATIONAL_DENSITY, planProvince } from "./province-plan.ts";
import { membersSeeded, seedMembers } from "./seed-members.ts";
import { seedScaleDocuments } from "./seed-scale-documents.ts";
import { seedScaleTasks } from "./seed-scale-tasks.ts";
import { PROVINCES, type ProvinceDef } from "./vietnamese-names.ts";

export const SEED_SCALES = ["demo", "province", "national"] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

export const SEED_PROGRESS_KEY = "seed_scale";

export interface SeedScaleResult {
  demo: DemoSeedResult;
  organisationsCreated: number;
  accountsCreated: number;
  membersCreated: number;
  documentsCreated: number;
  tasksCreated: number;
  provincesSkipped: number;
  /** The password every generated account shares. */
  password: string;
  /** How long each part took in this run (ms; 0 for a part that was skipped or had nothing to add). */
  timings: SeedTimings;
}

export interface SeedTimings {
  /** The demo province (organisations, members, register, tasks of the demo), when seeded now. */
  demoMs: number;
  /** Organisations and accounts of the scale (the commune accounts, the other provinces). */
  organisationsMs: number;
  documentsMs: number;
  membersMs: number;
  tasksMs: number;
  totalMs: number;
}

/** "BN-001" → "bn-001.canbo" (staff) and "bn-001.bithu" (leader). */
export function committeeAccounts(orgCode: string): PlannedAccount[] {
  const base = orgCode.toLowerCase();
  return [
    { username: `${base}.canbo`, displayName: personName(`${base}.canbo`), role: "committee_staff", orgCode },
    {
      username: `${base}.bithu`,
      displayName: personName(`${base}.bithu`),
      role: "committee_leader",
      orgCode,
    },
  ];
}

async function communeCodesOf(db: Kysely<Database>, rootCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom("organisations as c")
    .innerJoin("organisations as r", "r.id", "c.parentId")
    .select("c.code")
    .where("r.code", "=", rootCode)
    .where("c.typeCode", "=", "dang_uy_xa")
    .where("c.status", "=", "active")
    .orderBy("c.code")
    .execute();
  return rows.map((row) => row.code);
}

async function rootExists(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db.selectFrom("organisations").select("id").where("code", "=", code).executeTakeFirst();
  return row !== undefined;
}

async function seedNationalProvince(
  db: Kysely<Database>,
  province: ProvinceDef,
  passwordHash: string,
): Promise<{ organisations: number; accounts: number }> {
  const plan = planProvince({
    province,
    communes: generateCommunes(province),
    density: NATIONAL_DENSITY,
    rootValidFrom: "2025-07-01",
    agenciesValidFrom: "2025-07-01",
    communesValidFrom: "2025-07-01",
  });
  const accounts = [province.code, ...plan.communeIndexes.map((i) => plan.orgs[i]?.code as string)].flatMap(
    committeeAccounts,
  );
  return db.transaction().execute(async (trx) => {
    const anchor: Anchor | null = null;
    const loaded = await loadPlannedOrgs(
      trx,
      plan.orgs,
      anchor,
      "Khởi tạo dữ liệu mẫu quy mô toàn quốc (bulk seed)",
    );
    const created = await loadAccounts(trx, accounts, passwordHash);
    await recordAudit(
      trx,
      SYSTEM_AUDIT_CONTEXT,
      {
        action: "seed.bulk",
        entityType: "system",
        entityId: province.code,
        orgId: loaded.ids[0] as number,
        after: {
          scale: "national",
          province: province.code,
          organisations: plan.orgs.length,
          accounts: created,
        },
      },
      new Date(),
    );
    return { organisations: plan.orgs.length, accounts: created };
  });
}

async function recordProgress(db: Kysely<Database>, scale: SeedScale): Promise<void> {
  const value = JSON.stringify({ scale, finishedAt: new Date().toISOString() });
  await db
    .insertInto("systemSettings")
    .values({ key: SEED_PROGRESS_KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updatedAt: new Date() }))
    .execute();
}

/** Members added to the demo province at scale "province" (the demo itself has ~20,000). */
export const PROVINCE_SCALE_MEMBERS = 180_000;
/** Members per cell, on average, in the other provinces at scale "national". */
export const NATIONAL_MEMBERS_PER_CELL = 15.5;

/** A database whose demo was seeded before members existed gets the demo's members first. */
async function ensureDemoMembers(db: Kysely<Database>): Promise<number> {
  if (await membersSeeded(db, DEMO_ROOT_CODE, "demo")) return 0;
  const setting = await db
    .selectFrom("systemSettings")
    .select("value")
    .where("key", "=", DEMO_SETTING_KEY)
    .executeTakeFirst();
  const value = (typeof setting?.value === "string" ? JSON.parse(setting.value) : setting?.value) as
    | { demoCell?: string }
    | undefined;
  if (!value?.demoCell) return 0;
  const options = demoMemberOptions(todayInVietnam(new Date()), value.demoCell);
  const done = await db.transaction().execute((trx) => seedMembers(trx, options));
  return done.members;
}

async function seedProvinceMembers(
  db: Kysely<Database>,
  rootCode: string,
  run: "province" | "national",
): Promise<number | null> {
  if (await membersSeeded(db, rootCode, run)) return null;
  const done = await db.transaction().execute((trx) =>
    seedMembers(trx, {
      rootCode,
      provinceCode: rootCode,
      run,
      total: run === "province" ? PROVINCE_SCALE_MEMBERS : { perCell: NATIONAL_MEMBERS_PER_CELL },
      today: todayInVietnam(new Date()),
      // The demo used the block from 0; the province run of the demo province numbers from 200,000.
      numberBlock: run === "province" ? 200_000 : 0,
      posts: run === "national",
      fullHistory: false,
    }),
  );
  return done.members;
}

/**
 * The members of a scale, province by province (each one transaction, skipped when recorded): the
 * demo's if missing, the demo province's 180,000 more, and at national scale every other province's.
 * The organisations must be there (seedScale). Returns how many members were added.
 */
export async function seedScaleMembers(
  db: Kysely<Database>,
  scale: SeedScale,
  log: (message: string) => void,
): Promise<number> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  let created = await ensureDemoMembers(db);
  if (scale === "demo") return created;
  const provinces = [
    { code: DEMO_ROOT_CODE, name: "Bắc Ninh", run: "province" as const },
    ...(scale === "national"
      ? PROVINCES.filter((p) => p.code !== DEMO_ROOT_CODE).map((p) => ({
          code: p.code,
          name: p.name,
          run: "national" as const,
        }))
      : []),
  ];
  for (const [i, province] of provinces.entries()) {
    const label = `[${i + 1}/${provinces.length}] ${province.name}`;
    if (!(await rootExists(db, province.code))) {
      log(`${label}: chưa có tổ chức, bỏ qua (no organisations yet, skipped)`);
      continue;
    }
    const members = await seedProvinceMembers(db, province.code, province.run);
    if (members === null) log(`${label}: đảng viên đã có, bỏ qua (members already there, skipped)`);
    else {
      created += members;
      log(`${label}: ${members} đảng viên (members) — ${elapsed()}`);
    }
  }
  // Fresh statistics for the planner (millions of rows nationally; autovacuum gets there much later).
  if (created > 0) await sql`ANALYZE members, member_cells, member_events, member_posts`.execute(db);
  return created;
}

export interface SeedScaleOptions {
  /** Members too (default); false seeds the organisations and accounts only (see seedScaleMembers). */
  members?: boolean;
  /** The register too (default); false leaves it out (see seedScaleDocuments). */
  documents?: boolean;
  /** Five-clears tasks too (default); false leaves them out (see seedScaleTasks). */
  tasks?: boolean;
}

export async function seedScale(
  db: Kysely<Database>,
  scale: SeedScale,
  log: (message: string) => void,
  options: SeedScaleOptions = {},
): Promise<SeedScaleResult> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const timings: SeedTimings = {
    demoMs: 0,
    organisationsMs: 0,
    documentsMs: 0,
    membersMs: 0,
    tasksMs: 0,
    totalMs: 0,
  };
  // Runs one part and adds its time to `timings[part]`.
  const timed = async <T>(
    part: Exclude<keyof SeedTimings, "totalMs">,
    work: () => Promise<T>,
  ): Promise<T> => {
    const partStarted = performance.now();
    try {
      return await work();
    } finally {
      timings[part] += performance.now() - partStarted;
    }
  };
  const demo = await timed("demoMs", () => seedDemoIfEmpty(db, log));
  const result: SeedScaleResult = {
    demo,
    organisationsCreated: 0,
    accountsCreated: 0,
    membersCreated: 0,
    documentsCreated: 0,
    tasksCreated: 0,
    provincesSkipped: 0,
    password: DEMO_PASSWORD,
    timings,
  };
  if (scale === "demo") {
    if (options.members !== false)
      result.membersCreated += await timed("membersMs", () => seedScaleMembers(db, scale, log));
    timings.totalMs = performance.now() - started;
    return result;
  }
  if (!(await rootExists(db, DEMO_ROOT_CODE))) {
    throw new Error(
      "Cơ sở dữ liệu đã có dữ liệu khác, không phải dữ liệu mẫu; không thể tạo thêm. " +
        "(The database holds other data than the demo; bulk seeding needs the demo province.)",
    );
  }
  const organisationsStarted = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const communeAccounts = (await communeCodesOf(db, DEMO_ROOT_CODE)).flatMap(committeeAccounts);
  result.accountsCreated += await db
    .transaction()
    .execute((trx) => loadAccounts(trx, communeAccounts, passwordHash));
  log(`Tỉnh ủy Bắc Ninh: tài khoản cấp xã sẵn sàng (commune accounts ready) — ${elapsed()}`);

  if (scale === "national") {
    const others = PROVINCES.filter((p) => p.code !== DEMO_ROOT_CODE);
    for (const [i, province] of others.entries()) {
      const label = `[${i + 1}/${others.length}] ${province.name}`;
      if (await rootExists(db, province.code)) {
        result.provincesSkipped++;
        log(`${label}: đã có, bỏ qua (already there, skipped)`);
        continue;
      }
      const done = await seedNationalProvince(db, province, passwordHash);
      result.organisationsCreated += done.organisations;
      result.accountsCreated += done.accounts;
      log(
        `${label}: ${done.organisations} tổ chức, ${done.accounts} tài khoản (organisations, accounts) — ${elapsed()}`,
      );
    }
  }
  timings.organisationsMs += performance.now() - organisationsStarted;
  if (options.documents !== false)
    result.documentsCreated += (
      await timed("documentsMs", () => seedScaleDocuments(db, scale, log))
    ).documents;
  if (options.members !== false)
    result.membersCreated += await timed("membersMs", () => seedScaleMembers(db, scale, log));
  if (options.tasks !== false)
    result.tasksCreated += (await timed("tasksMs", () => seedScaleTasks(db, scale, log))).tasks;
  await recordProgress(db, scale);
  timings.totalMs = performance.now() - started;
  log(
    `Xong (done): ${result.organisationsCreated} tổ chức, ${result.accountsCreated} tài khoản, ${result.membersCreated} đảng viên, ${result.documentsCreated} văn bản, ${result.tasksCreated} nhiệm vụ mới (new organisations, accounts, members, documents, tasks) — ${elapsed()}`,
  );
  return result;
}
