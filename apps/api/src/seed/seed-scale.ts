// `namro seed --scale demo|province|national`: larger trees by bulk loading.
//   demo      the demo province (as on first start);
//   province  the demo plus a staff and a leader account for every commune of the province;
//   national  the above plus the other 33 provincial units at national density (~3,300 communes,
//             ~60k grassroots organisations, ~300k cells) with staff and leader accounts per province
//             and per commune.
// Each province is one transaction and is skipped when its committee exists, so an interrupted run
// continues where it stopped and a finished one is a no-op.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from "../platform/audit/audit-writer.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import { type Anchor, loadAccounts, loadPlannedOrgs, type PlannedAccount } from "./bulk-load.ts";
import { DEMO_PASSWORD, DEMO_ROOT_CODE, type DemoSeedResult, seedDemoIfEmpty } from "./demo-seed.ts";
import { generateCommunes, NATIONAL_DENSITY, planProvince } from "./province-plan.ts";
import { createRandom } from "./random.ts";
import {
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  PROVINCES,
  type ProvinceDef,
} from "./vietnamese-names.ts";

export const SEED_SCALES = ["demo", "province", "national"] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

export const SEED_PROGRESS_KEY = "seed_scale";

export interface SeedScaleResult {
  demo: DemoSeedResult;
  organisationsCreated: number;
  accountsCreated: number;
  provincesSkipped: number;
  /** The password every generated account shares. */
  password: string;
}

/** A plausible Vietnamese full name, the same for the same key. */
export function personName(key: string): string {
  const random = createRandom(`person/${key}`);
  const female = random.chance(0.45);
  return [
    random.pick(FAMILY_NAMES),
    random.pick(female ? MIDDLE_NAMES_FEMALE : MIDDLE_NAMES_MALE),
    random.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE),
  ].join(" ");
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

export async function seedScale(
  db: Kysely<Database>,
  scale: SeedScale,
  log: (message: string) => void,
): Promise<SeedScaleResult> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const demo = await seedDemoIfEmpty(db, log);
  const result: SeedScaleResult = {
    demo,
    organisationsCreated: 0,
    accountsCreated: 0,
    provincesSkipped: 0,
    password: DEMO_PASSWORD,
  };
  if (scale === "demo") return result;
  if (!(await rootExists(db, DEMO_ROOT_CODE))) {
    throw new Error(
      "Cơ sở dữ liệu đã có dữ liệu khác, không phải dữ liệu mẫu; không thể tạo thêm. " +
        "(The database holds other data than the demo; bulk seeding needs the demo province.)",
    );
  }
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
  await recordProgress(db, scale);
  log(
    `Xong (done): ${result.organisationsCreated} tổ chức, ${result.accountsCreated} tài khoản mới — ${elapsed()}`,
  );
  return result;
}
