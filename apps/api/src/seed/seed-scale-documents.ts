// The documents of a bulk scale, province by province (scale-documents.ts plans one province, the
// set-based loader writes it): the demo province's at scale "province", every province's at scale
// "national", then one cascade of the Nghị quyết Đại hội XIV requiring every provincial and commune
// committee of the country (~3,400). Each province is one transaction recorded in system_settings, so
// an interrupted run continues where it stopped and a finished one adds nothing.

import { todayInVietnam } from "@namro/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from "../platform/audit/audit-writer.ts";
import { seedDemoDocuments } from "./demo-documents.ts";
import { DEMO_ROOT_CODE, DEMO_SETTING_KEY, demoDocumentOrgs } from "./demo-seed.ts";
import { loadDocumentPlan } from "./documents-bulk.ts";
import {
  type CentralDocument,
  type CentralDocuments,
  NATIONAL_REGISTER_SIZE,
  type ProvinceOrgs,
  planProvinceDocuments,
  type RegisterSize,
} from "./scale-documents.ts";
import { PROVINCES } from "./vietnamese-names.ts";

export const DOCUMENTS_PROGRESS_PREFIX = "seed_documents:";
const CENTRAL_CASCADE_KEY = `${DOCUMENTS_PROGRESS_PREFIX}central`;
/** When every committee of the country must have issued its programme for the Nghị quyết Đại hội XIV. */
export const CONGRESS_PROGRAMME_DEADLINE = "2026-04-30";

/** Central documents of the demo register the bulk documents carry out, and how texts cite them. */
const IMPLEMENTED_SYMBOLS = ["21-KL/TW", "366-QĐ/TW", "05-CT/TW", "04-NQ/TW", "37-QĐ/TW", "43-HD/BTCTW"];

export interface ScaleDocumentsResult {
  documents: number;
  relations: number;
  cascades: number;
  targets: number;
  provincesSkipped: number;
}

function citedDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

export async function centralDocuments(db: Kysely<Database>): Promise<CentralDocuments> {
  const { rows } = await sql<{
    id: number;
    symbol: string | null;
    citation: string | null;
    typeName: string;
    issuedOn: string | null;
  }>`
    SELECT d.id, d.symbol, d.citation, t.name_vi AS type_name, d.issued_on::text AS issued_on
    FROM documents d JOIN document_types t ON t.id = d.type_id
    JOIN organisations o ON o.id = d.owner_org_id
    WHERE o.code = ${DEMO_ROOT_CODE} AND d.issuing_org_id IS NULL AND NOT d.is_placeholder
      AND (d.symbol = ANY(${IMPLEMENTED_SYMBOLS}::text[]) OR d.citation_key LIKE 'NQ|congress:XIV|r:%')`.execute(
    db,
  );
  const cite = (row: (typeof rows)[number]): CentralDocument => ({
    id: Number(row.id),
    citation: row.symbol
      ? `${row.typeName} số ${row.symbol}${row.issuedOn ? `, ngày ${citedDate(row.issuedOn)}` : ""}`
      : (row.citation as string),
  });
  const implemented = IMPLEMENTED_SYMBOLS.map((symbol) => rows.find((row) => row.symbol === symbol));
  const congress = rows.find((row) => row.symbol === null);
  if (implemented.some((row) => row === undefined) || !congress)
    throw new Error("the demo register's central documents are missing (seed the demo first)");
  return {
    implemented: implemented.map((row) => cite(row as (typeof rows)[number])),
    congressResolution: cite(congress),
  };
}

const DEPARTMENT_ISSUERS: Record<string, string> = {
  BTC: "BTCTU",
  UBKT: "UBKTTU",
  VP: "VPTU",
  BTGDV: "BTGDVTU",
};

async function provinceOrgs(trx: Transaction<Database>, code: string): Promise<ProvinceOrgs> {
  const root = await trx
    .selectFrom("organisations")
    .select(["id", "code", "name"])
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  const children = await trx
    .selectFrom("organisations")
    .select(["id", "code", "name", "typeCode", "status", "validFrom"])
    .where("parentId", "=", root.id)
    .orderBy("code")
    .execute();
  const departments = children.flatMap((row) => {
    const issuer = DEPARTMENT_ISSUERS[row.code.slice(code.length + 1)];
    return issuer
      ? [
          {
            id: Number(row.id),
            code: row.code,
            name: row.name,
            issuer,
            validFrom: String(row.validFrom).slice(0, 10),
          },
        ]
      : [];
  });
  const communes = children
    .filter((row) => row.typeCode === "dang_uy_xa" && row.status === "active")
    .map((row) => {
      const [, word = "xã", place = row.name] = /^Đảng ủy (xã|phường|đặc khu) (.+)$/.exec(row.name) ?? [];
      return { id: Number(row.id), code: row.code, name: row.name, word, place };
    });
  return { root: { id: Number(root.id), code: root.code, name: root.name }, departments, communes };
}

async function isRecorded(db: Kysely<Database> | Transaction<Database>, key: string): Promise<boolean> {
  const row = await db.selectFrom("systemSettings").select("key").where("key", "=", key).executeTakeFirst();
  return row !== undefined;
}

async function seedProvince(
  db: Kysely<Database>,
  code: string,
  central: CentralDocuments,
  size: RegisterSize,
): Promise<Omit<ScaleDocumentsResult, "provincesSkipped"> | null> {
  const key = `${DOCUMENTS_PROGRESS_PREFIX}${code}`;
  return db.transaction().execute(async (trx) => {
    // A second seeder on the same database waits here, then finds the province done.
    await sql`LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    if (await isRecorded(trx, key)) return null;
    const orgs = await provinceOrgs(trx, code);
    const plan = await planProvinceDocuments(trx, orgs, central, {
      withCongressProgramme: code !== DEMO_ROOT_CODE,
      size,
    });
    const loaded = await loadDocumentPlan(trx, plan);
    const counts = {
      documents: plan.documents.length,
      relations: loaded.relations,
      cascades: loaded.cascadeIds.length,
      targets: loaded.targets,
    };
    await trx
      .insertInto("systemSettings")
      .values({ key, value: JSON.stringify(counts) })
      .execute();
    await recordAudit(
      trx,
      SYSTEM_AUDIT_CONTEXT,
      { action: "seed.bulk", entityType: "system", entityId: key, orgId: orgs.root.id, after: counts },
      new Date(),
    );
    return counts;
  });
}

/**
 * Every provincial and commune committee of the country must carry out the Nghị quyết Đại hội XIV.
 * Its targets are fixed at creation, so it is created once every province's organisations exist.
 */
export async function seedCentralCascade(
  db: Kysely<Database>,
  central: CentralDocuments,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE document_cascades IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    if (await isRecorded(trx, CENTRAL_CASCADE_KEY)) return null;
    const targets = await trx
      .selectFrom("organisations")
      .select("id")
      .where("typeCode", "in", ["tinh_uy", "dang_uy_xa"])
      .where("status", "=", "active")
      .orderBy("id")
      .execute();
    const orgIds = targets.map((row) => Number(row.id));
    const loaded = await loadDocumentPlan(trx, {
      documents: [],
      relations: [],
      cascades: [
        {
          document: { id: central.congressResolution.id },
          deadline: CONGRESS_PROGRAMME_DEADLINE,
          selection: { kind: "orgs", orgIds },
          note: "Các tỉnh ủy, thành ủy và đảng ủy xã, phường, đặc khu ban hành chương trình hành động.",
          targetOrgIds: orgIds,
        },
      ],
    });
    await trx
      .insertInto("systemSettings")
      .values({ key: CENTRAL_CASCADE_KEY, value: JSON.stringify({ targets: loaded.targets }) })
      .execute();
    return loaded.targets;
  });
}

/** A database whose demo was seeded before the register existed gets the demo's documents first. */
async function ensureDemoDocuments(db: Kysely<Database>, log: (message: string) => void): Promise<void> {
  if (!(await isRecorded(db, DEMO_SETTING_KEY))) return;
  const root = await db
    .selectFrom("organisations")
    .select("id")
    .where("code", "=", DEMO_ROOT_CODE)
    .executeTakeFirst();
  if (!root) return;
  const held = await db
    .selectFrom("documents")
    .select("id")
    .where("ownerOrgId", "=", root.id)
    .limit(1)
    .executeTakeFirst();
  if (held) return;
  const done = await db
    .transaction()
    .execute(async (trx) =>
      seedDemoDocuments(trx, await demoDocumentOrgs(trx, Number(root.id)), todayInVietnam(new Date())),
    );
  log(`Tỉnh ủy Bắc Ninh: ${done.documents} văn bản mẫu (demo register added)`);
}

/**
 * The documents of `scale` ("province": the demo province; "national": every province, then the
 * country-wide cascade). The organisations must be there (seedScale). Logs one line per province.
 */
export async function seedScaleDocuments(
  db: Kysely<Database>,
  scale: "province" | "national",
  log: (message: string) => void,
  size: RegisterSize = NATIONAL_REGISTER_SIZE,
): Promise<ScaleDocumentsResult> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  await ensureDemoDocuments(db, log);
  const central = await centralDocuments(db);
  const provinces = [
    { code: DEMO_ROOT_CODE, name: "Bắc Ninh" },
    ...(scale === "national" ? PROVINCES.filter((p) => p.code !== DEMO_ROOT_CODE) : []),
  ];
  const result: ScaleDocumentsResult = {
    documents: 0,
    relations: 0,
    cascades: 0,
    targets: 0,
    provincesSkipped: 0,
  };
  const roots = await db
    .selectFrom("organisations")
    .select("code")
    .where("parentId", "is", null)
    .where(
      "code",
      "in",
      provinces.map((p) => p.code),
    )
    .execute();
  // The country-wide cascade: its targets are organisations, so once every province's exist it comes
  // first (an interrupted run already shows its coverage for the provinces loaded); otherwise last,
  // over the organisations there are.
  const countryCascade = async () => {
    if (scale !== "national") return;
    const targets = await seedCentralCascade(db, central);
    if (targets === null) return;
    result.cascades++;
    result.targets += targets;
    log(`Nghị quyết Đại hội XIV: yêu cầu ${targets} cấp ủy cụ thể hóa (country-wide cascade) — ${elapsed()}`);
  };
  if (roots.length === provinces.length) await countryCascade();
  for (const [i, province] of provinces.entries()) {
    const label = `[${i + 1}/${provinces.length}] ${province.name}`;
    if (!roots.some((root) => root.code === province.code)) {
      log(`${label}: chưa có tổ chức, bỏ qua văn bản (no organisations yet, documents skipped)`);
      continue;
    }
    const done = await seedProvince(db, province.code, central, size);
    if (done === null) {
      result.provincesSkipped++;
      log(`${label}: văn bản đã có, bỏ qua (documents already there, skipped)`);
      continue;
    }
    result.documents += done.documents;
    result.relations += done.relations;
    result.cascades += done.cascades;
    result.targets += done.targets;
    log(
      `${label}: ${done.documents} văn bản, ${done.relations} quan hệ, ${done.cascades} yêu cầu cụ thể hóa (documents, relations, cascades) — ${elapsed()}`,
    );
  }
  await countryCascade();
  if (result.documents > 0)
    await sql`ANALYZE documents, document_texts, document_relations, document_cascade_targets`.execute(db);
  return result;
}
