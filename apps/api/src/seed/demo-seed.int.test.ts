import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { openTestDatabase } from "../../test/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import {
  DEMO_PASSWORD,
  FORMER_COMMUNE_CODES,
  MERGED_COMMUNE_CODE,
  MERGER_DATE,
  seedDemoIfEmpty,
} from "./demo-seed.ts";
import { PROVINCE_SCALE_MEMBERS, seedScale } from "./seed-scale.ts";

const quiet = () => {};

describe("demo seed", () => {
  let testApp: TestApp;
  let db: TestApp["database"]["db"];

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.database.db;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("seeds a province of about 1,500 organisations on an empty database", async () => {
    const result = await seedDemoIfEmpty(db, quiet);
    expect(result.seeded).toBe(true);
    expect(result.demoAccounts.map((a) => a.username)).toEqual([
      "admin",
      "vanphong",
      "bithu.tinh",
      "tanhung",
      "bithu.tanhung",
      "phuong.kinhbac",
      "bithu.chibo",
      "dangvien",
    ]);
    const { count } = await db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBeGreaterThan(1400);
    expect(Number(count)).toBeLessThan(1600);
    const communes = await db
      .selectFrom("organisations")
      .select("name")
      .where("typeCode", "=", "dang_uy_xa")
      .where("status", "=", "active")
      .execute();
    expect(communes).toHaveLength(60);
    expect(communes.map((c) => c.name)).toContain("Đảng ủy xã Tân Hưng");
    const root = await db.selectFrom("organisations").selectAll().where("parentId", "is", null).execute();
    expect(root.map((r) => r.name)).toEqual(["Tỉnh ủy Bắc Ninh"]);
    const setting = await db
      .selectFrom("systemSettings")
      .select("key")
      .where("key", "=", "demo_seeded")
      .execute();
    expect(setting).toHaveLength(1);
  });

  it("holds the central documents, the province's cascaded plans and the communes' plans with gaps", async () => {
    const { rows: central } = await sql<{ symbol: string | null; citation: string | null }>`
      SELECT d.symbol, d.citation FROM documents d JOIN organisations o ON o.id = d.owner_org_id
      WHERE o.code = 'BN' AND d.issuing_org_id IS NULL AND NOT d.is_placeholder`.execute(db);
    const symbols = central.map((row) => row.symbol);
    for (const symbol of [
      "04-NQ/TW",
      "05-CT/TW",
      "21-KL/TW",
      "37-QĐ/TW",
      "366-QĐ/TW",
      "43-HD/BTCTW",
      "30/2020/NĐ-CP",
    ])
      expect(symbols).toContain(symbol);
    expect(central.map((row) => row.citation)).toEqual(
      expect.arrayContaining(["Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Đại hội XIV"]),
    );
    // Registered per province tree, as the register keys them: a document issued outside the tree and
    // a named one carry the holder's top-level organisation in their keys.
    const { rows: unscoped } = await sql<{ id: number }>`
      SELECT d.id FROM documents d JOIN organisations o ON o.id = d.owner_org_id
      WHERE (d.issuing_org_id IS NULL AND d.number_key IS NOT NULL
          AND d.number_key NOT LIKE '%|r:' || subpath(o.path, 0, 1)::text)
        OR (d.citation_key IS NOT NULL AND d.citation_key NOT LIKE '%|r:' || subpath(o.path, 0, 1)::text)
        OR (d.issuing_org_id IS NOT NULL AND d.number_key LIKE '%|r:%')`.execute(db);
    expect(unscoped).toEqual([]);

    // Terms: the province's two, each active commune's 2025–2030 term, the former communes' 2020–2025.
    const { rows: terms } = await sql<{ code: string; label: string }>`
      SELECT o.code, t.label FROM committee_terms t JOIN organisations o ON o.id = t.org_id ORDER BY o.code, t.starts_on`.execute(
      db,
    );
    expect(terms.filter((t) => t.code === "BN").map((t) => t.label)).toEqual([
      "Nhiệm kỳ 2020–2025",
      "Nhiệm kỳ 2025–2030",
    ]);
    expect(terms.filter((t) => t.label === "Nhiệm kỳ 2025–2030")).toHaveLength(61);

    // Coverage of each cascade, the way the coverage view counts it: a target has issued its plan when
    // a document it issued implements the cascaded document; on time when issued by the deadline.
    const { rows: coverage } = await sql<{
      symbol: string;
      targets: number;
      onTime: number;
      late: number;
      missing: number;
    }>`
      SELECT d.symbol, count(*)::int AS targets,
        count(*) FILTER (WHERE i.issued_on <= c.deadline)::int AS on_time,
        count(*) FILTER (WHERE i.issued_on > c.deadline)::int AS late,
        count(*) FILTER (WHERE i.issued_on IS NULL)::int AS missing
      FROM document_cascades c JOIN documents d ON d.id = c.document_id
      JOIN document_cascade_targets t ON t.cascade_id = c.id
      LEFT JOIN LATERAL (
        SELECT min(f.issued_on) AS issued_on FROM document_relations r JOIN documents f ON f.id = r.from_document_id
        WHERE r.to_document_id = d.id AND r.kind = 'implements' AND f.issuing_org_id = t.org_id
      ) i ON true
      GROUP BY d.symbol ORDER BY d.symbol`.execute(db);
    expect(coverage.map((row) => row.symbol)).toEqual(
      expect.arrayContaining(["01-CTr/TU", "02-CTr/TU", "03-KH/TU", "05-KH/TU", "12-KH/TU", "45-KH/TU"]),
    );
    expect(coverage).toHaveLength(7);
    const communeCascades = coverage.filter((row) => row.symbol !== "45-KH/TU");
    for (const row of communeCascades) expect(row.targets).toBe(60);
    const past = communeCascades.filter((row) => row.late > 0);
    // Five plans are past their deadline with late and missing communes; the newest is not due yet.
    expect(past).toHaveLength(5);
    for (const row of past) {
      expect(row.onTime).toBeGreaterThan(row.targets / 2);
      expect(row.missing).toBeGreaterThan(0);
    }
    expect(coverage.find((row) => row.symbol === "45-KH/TU")).toMatchObject({
      targets: 2,
      onTime: 1,
      late: 1,
    });

    // Tân Hưng has not issued its plan for 12-KH/TU; Tiên Du's is the sample 08-KH/ĐU.
    const { rows: kl21 } = await sql<{ code: string; symbol: string }>`
      SELECT o.code, f.symbol FROM documents d JOIN document_relations r ON r.to_document_id = d.id AND r.kind = 'implements'
      JOIN documents f ON f.id = r.from_document_id JOIN organisations o ON o.id = f.issuing_org_id
      WHERE d.symbol = '12-KH/TU' AND o.type_code = 'dang_uy_xa'`.execute(db);
    expect(kl21.map((row) => row.code)).not.toContain("BN-TANHUNG");
    expect(kl21.find((row) => row.code === "BN-032")?.symbol).toBe("08-KH/ĐU");

    // References to documents not in the register became placeholders linked from the citing text.
    const { rows: placeholders } = await sql<{ symbol: string; citers: number }>`
      SELECT d.symbol, count(r.id)::int AS citers FROM documents d
      JOIN document_relations r ON r.to_document_id = d.id AND r.origin = 'text'
      WHERE d.is_placeholder GROUP BY d.symbol ORDER BY d.symbol`.execute(db);
    expect(placeholders.map((row) => row.symbol)).toEqual(["09-HD/BTGDVTU", "1234/QĐ-UBND", "165-TB/UBKTTW"]);
    // Every text relation quotes the citation exactly where the text has it.
    const { rows: badQuotes } = await sql<{ id: number }>`
      SELECT r.id FROM document_relations r JOIN document_texts b ON b.document_id = r.from_document_id
      WHERE r.origin = 'text' AND substr(b.body, r.quote_start + 1, r.quote_end - r.quote_start) <> r.quote`.execute(
      db,
    );
    expect(badQuotes).toEqual([]);
    // Searchable without diacritics: every document has a search vector; a commune plan's words match.
    const { rows: search } = await sql<{ empty: number; hits: number }>`
      SELECT count(*) FILTER (WHERE search_tsv = ''::tsvector)::int AS empty,
        count(*) FILTER (WHERE search_tsv @@ plainto_tsquery('namro_vi', 'hoc tap lam theo tu tuong dao duc'))::int AS hits
      FROM documents WHERE NOT is_placeholder`.execute(db);
    expect(search[0]?.empty).toBe(0);
    expect(search[0]?.hits).toBeGreaterThan(30);
  });

  it("shows late and missing communes in the coverage view of a provincial plan", async () => {
    // The province office's demo account, through the coverage route itself.
    const session = await testApp.signIn("vanphong", DEMO_PASSWORD);
    const plan = await db
      .selectFrom("documents")
      .select("id")
      .where("symbol", "=", "12-KH/TU")
      .executeTakeFirstOrThrow();
    const list = await testApp.call(session, { method: "GET", url: `/api/documents/${plan.id}/cascades` });
    expect(list.statusCode).toBe(200);
    const [cascade] = (list.json() as { items: { id: number; totals: Record<string, number> }[] }).items;
    expect(cascade?.totals.targets).toBe(60);
    expect(cascade?.totals.late).toBeGreaterThan(0);
    expect(cascade?.totals.missing).toBeGreaterThan(0);
    expect(cascade?.totals.overdue).toBe(cascade?.totals.missing);
    const view = await testApp.call(session, {
      method: "GET",
      url: `/api/document-cascades/${cascade?.id}/coverage?status=missing&pageSize=200`,
    });
    expect(view.statusCode).toBe(200);
    const missing = (view.json() as { targets: { items: { orgName: string; daysOverdue: number | null }[] } })
      .targets.items;
    expect(missing).toHaveLength(cascade?.totals.missing ?? -1);
    const tanHung = missing.find((target) => target.orgName === "Đảng ủy xã Tân Hưng");
    expect(tanHung?.daysOverdue).toBeGreaterThan(0);
  });

  it("lets the demo cell's secretary and member read their commune's plans (addressed to its cells)", async () => {
    for (const username of ["bithu.chibo", "dangvien"]) {
      const session = await testApp.signIn(username, DEMO_PASSWORD);
      const list = await testApp.call(session, { method: "GET", url: "/api/documents?pageSize=5" });
      expect(list.statusCode).toBe(200);
      const page = list.json() as { total: number; items: { issuingOrgName: string | null }[] };
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((item) => item.issuingOrgName?.startsWith("Đảng ủy"))).toBe(true);
    }
  });

  it("respects the type rules, keeps paths consistent and writes NFC names with search keys", async () => {
    const { rows: badTypes } = await sql<{ id: number }>`
      SELECT c.id FROM organisations c JOIN organisations p ON p.id = c.parent_id
      WHERE NOT EXISTS (SELECT 1 FROM org_type_rules r WHERE r.parent_type = p.type_code AND r.child_type = c.type_code)
    `.execute(db);
    expect(badTypes).toEqual([]);
    const { rows: badPaths } = await sql<{ id: number }>`
      SELECT c.id FROM organisations c LEFT JOIN organisations p ON p.id = c.parent_id
      WHERE c.path <> CASE WHEN p.id IS NULL THEN c.id::text::ltree ELSE p.path || c.id::text END
    `.execute(db);
    expect(badPaths).toEqual([]);
    const names = await db.selectFrom("organisations").select(["name", "searchKey"]).execute();
    for (const row of names) expect(row.name).toBe(row.name.normalize("NFC"));
    const tanHung = await db
      .selectFrom("organisations")
      .select("searchKey")
      .where("code", "=", MERGED_COMMUNE_CODE)
      .executeTakeFirstOrThrow();
    expect(tanHung.searchKey).toBe("dang uy xa tan hung");
    // Every organisation has exactly one open version.
    const { rows: versionless } = await sql<{ id: number }>`
      SELECT o.id FROM organisations o
      WHERE o.status = 'active' AND (SELECT count(*) FROM org_versions v WHERE v.org_id = o.id AND v.valid_to IS NULL) <> 1
    `.execute(db);
    expect(versionless).toEqual([]);
  });

  it("records the 2025 merger with lineage, closed sources and history as of the day before", async () => {
    const tanHung = await db
      .selectFrom("organisations")
      .selectAll()
      .where("code", "=", MERGED_COMMUNE_CODE)
      .executeTakeFirstOrThrow();
    expect(tanHung.validFrom).toBe(MERGER_DATE);
    const former = await db
      .selectFrom("organisations")
      .selectAll()
      .where("code", "in", [...FORMER_COMMUNE_CODES])
      .orderBy("code")
      .execute();
    expect(former.map((f) => [f.name, f.status, f.validTo])).toEqual([
      ["Đảng ủy xã Hưng Đạo", "merged", MERGER_DATE],
      ["Đảng ủy xã Tân An", "merged", MERGER_DATE],
    ]);
    const lineage = await db.selectFrom("orgLineage").selectAll().execute();
    expect(lineage).toHaveLength(2);
    expect(lineage.every((l) => l.successorId === tanHung.id && l.effectiveDate === MERGER_DATE)).toBe(true);
    expect(lineage.map((l) => l.predecessorId).sort()).toEqual(former.map((f) => f.id).sort());
    const event = await db
      .selectFrom("orgEvents")
      .selectAll()
      .where("kind", "=", "merge")
      .executeTakeFirstOrThrow();
    const parts = await db
      .selectFrom("orgEventParts")
      .select(["orgId", "role"])
      .where("eventId", "=", event.id)
      .execute();
    expect(parts.filter((p) => p.role === "source")).toHaveLength(2);
    expect(parts.filter((p) => p.role === "target").map((p) => p.orgId)).toEqual([tanHung.id]);
    const moved = parts.filter((p) => p.role === "moved_child").map((p) => p.orgId);
    expect(moved.length).toBeGreaterThan(10);

    // The day before: the cells sit under the former communes; today: under Tân Hưng.
    const formerIds = former.map((f) => f.id);
    const { rows: before } = await sql<{ parentId: number }>`
      SELECT parent_id FROM org_versions
      WHERE org_id = ANY(${moved}::bigint[]) AND valid_from <= '2025-06-30' AND (valid_to IS NULL OR valid_to > '2025-06-30')
    `.execute(db);
    expect(before).toHaveLength(moved.length);
    expect(before.every((row) => formerIds.includes(row.parentId))).toBe(true);
    const now = await db
      .selectFrom("organisations")
      .select(["parentId", "path"])
      .where("id", "in", moved)
      .execute();
    expect(now.every((row) => row.parentId === tanHung.id && row.path.startsWith(`${tanHung.path}.`))).toBe(
      true,
    );
  });

  it("lets the demo accounts sign in with the printed password", async () => {
    for (const username of ["admin", "tanhung", "dangvien"]) {
      const session = await testApp.signIn(username, DEMO_PASSWORD);
      expect(session.username).toBe(username);
    }
    const session = await testApp.signIn("tanhung", DEMO_PASSWORD);
    const search = await testApp.call(session, {
      method: "GET",
      url: "/api/organisations/search?q=dang%20uy%20xa%20tan%20hung",
    });
    expect(search.statusCode).toBe(200);
    expect((search.json() as { items: { name: string }[] }).items.map((i) => i.name)).toContain(
      "Đảng ủy xã Tân Hưng",
    );
  });

  it("seeds nothing the second time and still lists the demo accounts", async () => {
    const before = await db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const result = await seedDemoIfEmpty(db, quiet);
    expect(result.seeded).toBe(false);
    expect(result.demoAccounts).toHaveLength(8);
    const after = await db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  // Loads ~180,000 members: allowed longer than the default per-test limit on a busy machine.
  it("bulk-seeds the province scale (commune accounts, members) and is a no-op the second time", {
    timeout: 240_000,
  }, async () => {
    // The register and the tasks at scale have their own tests (seed-scale-documents, seed-scale-tasks).
    const first = await seedScale(db, "province", quiet, { documents: false, tasks: false });
    expect(first.accountsCreated).toBe(120);
    expect(first.membersCreated).toBeGreaterThan(PROVINCE_SCALE_MEMBERS * 0.95);
    expect(first.membersCreated).toBeLessThan(PROVINCE_SCALE_MEMBERS * 1.05);
    const { rows } = await sql<{ n: number; open: number; cards: number }>`
      SELECT (SELECT count(*)::int FROM members) AS n,
             (SELECT count(*)::int FROM member_cells WHERE valid_to IS NULL) AS open,
             (SELECT count(DISTINCT card_number)::int FROM members) AS cards`.execute(db);
    const counts = rows[0];
    expect(counts?.n).toBeGreaterThan(190_000);
    expect(counts?.open).toBeGreaterThan((counts?.n ?? 0) * 0.99);
    const second = await seedScale(db, "province", quiet, { documents: false, tasks: false });
    expect(second.accountsCreated).toBe(0);
    expect(second.membersCreated).toBe(0);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM members`.execute(db);
    expect(after.rows[0]?.n).toBe(counts?.n);
    const staff = await db
      .selectFrom("roleAssignments as r")
      .innerJoin("accounts as a", "a.id", "r.accountId")
      .innerJoin("organisations as o", "o.id", "r.orgId")
      .select(["a.username", "r.role", "o.name"])
      .where("a.username", "=", "bn-tanhung.bithu")
      .execute();
    expect(staff).toEqual([
      { username: "bn-tanhung.bithu", role: "committee_leader", name: "Đảng ủy xã Tân Hưng" },
    ]);
  });
});

describe("demo seed determinism", () => {
  const handles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of handles) await handle.close();
  });

  // Seeds the demo twice: allowed longer than the default per-test limit on a busy machine.
  it("gives the same organisations in two fresh databases", { timeout: 180_000 }, async () => {
    const trees: { code: string; name: string; typeCode: string; parentCode: string | null }[][] = [];
    for (let i = 0; i < 2; i++) {
      const handle = await openTestDatabase();
      handles.push(handle);
      await seedDemoIfEmpty(handle.db, quiet);
      trees.push(
        await handle.db
          .selectFrom("organisations as o")
          .leftJoin("organisations as p", "p.id", "o.parentId")
          .select(["o.code", "o.name", "o.typeCode", "p.code as parentCode"])
          .orderBy("o.code")
          .execute(),
      );
    }
    expect(trees[0]?.length).toBeGreaterThan(1400);
    expect(trees[1]).toEqual(trees[0]);
    // The members too (the same day): names, birth dates, numbers and cells by code.
    const members = await Promise.all(
      handles.map((handle) =>
        handle.db
          .selectFrom("members as m")
          .innerJoin("organisations as o", "o.id", "m.orgId")
          .select(["m.fullName", "m.birthDate", "m.citizenId", "m.cardNumber", "o.code"])
          .orderBy("m.id")
          .execute(),
      ),
    );
    expect(members[0]?.length).toBeGreaterThan(19_000);
    expect(members[1]).toEqual(members[0]);
    // And the register: numbers, dates, texts and relations.
    const documents = await Promise.all(
      handles.map(async (handle) => {
        const { rows } = await sql`
          SELECT d.symbol, d.citation, d.issued_on::text, o.code, md5(coalesce(b.body, '')) AS body,
            (SELECT string_agg(r.kind || ':' || coalesce(t.symbol, t.citation, ''), ',' ORDER BY r.kind, t.symbol)
             FROM document_relations r JOIN documents t ON t.id = r.to_document_id WHERE r.from_document_id = d.id) AS relations
          FROM documents d JOIN organisations o ON o.id = d.owner_org_id
          LEFT JOIN document_texts b ON b.document_id = d.id ORDER BY d.id`.execute(handle.db);
        return rows;
      }),
    );
    expect(documents[0]?.length).toBeGreaterThan(250);
    expect(documents[1]).toEqual(documents[0]);
  });
});
