// The register's list and full-text search over HTTP (GET /api/documents): matching without
// diacritics, ranking, marked snippets, every filter, the subtree, the visibility rule (confidential and
// other communes' documents neither listed nor counted), numbers as typed, empty and garbage queries,
// paging and totals past the cap.
import type { DocumentList } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import { SEARCH_CAP } from "./documents.list.repository.ts";
import { refreshSearchVectors } from "./documents.search.repository.ts";

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
/** Committee staff of the province: reads everything of it, confidential included. */
let staff: TestSession;
/** A member of commune A: normal documents held by, addressed to or demanded of commune A. */
let member: TestSession;

const ids: Record<string, number> = {};

async function list(session: TestSession | null, query: Record<string, string | number | boolean> = {}) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return t.call(session, { method: "GET", url: `/api/documents?${params.toString()}` });
}

async function found(
  session: TestSession,
  query: Record<string, string | number | boolean>,
): Promise<DocumentList> {
  const response = await list(session, { orgId: fx.province.id, ...query });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as DocumentList;
}

/** Ids of the hits in order, as the names given in beforeAll. */
async function names(
  session: TestSession,
  query: Record<string, string | number | boolean>,
): Promise<string[]> {
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return (await found(session, query)).items.map((item) => byId.get(item.id) ?? `#${item.id}`);
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await createProvince(t.database.db);
  const db = t.database.db;
  const province = fx.province.id;
  ids.kl21 = (
    await createDocument(db, {
      ownerOrgId: province,
      number: "21",
      typeAbbreviation: "KL",
      issuerCodes: ["TW"],
      issuedOn: "2021-10-25",
      subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
      body: "Bộ Chính trị kết luận về công tác xây dựng, chỉnh đốn Đảng.",
    })
  ).id;
  ids.plan = (
    await createDocument(db, {
      ownerOrgId: province,
      issuingOrgId: province,
      number: "12",
      typeAbbreviation: "KH",
      issuerCodes: ["TU"],
      issuedOn: "2022-03-01",
      subject: "Kế hoạch thực hiện Kết luận số 21-KL/TW",
      body: "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương, Tỉnh ủy đề ra nhiệm vụ hoà giải ở cơ sở.",
      recipientOrgIds: [fx.communeA.id, fx.communeB.id],
    })
  ).id;
  ids.inspection = (
    await createDocument(db, {
      ownerOrgId: province,
      number: "05",
      typeAbbreviation: "QC",
      issuerCodes: ["BTCTU", "UBKTTU"],
      issuedOn: "2023-06-15",
      subject: "Quy chế phối hợp kiểm tra, giám sát",
      body: "Công tác kiểm tra giám sát của các cấp ủy.",
      status: "amended",
    })
  ).id;
  ids.bodyOnly = (
    await createDocument(db, {
      ownerOrgId: fx.communeA.id,
      issuingOrgId: fx.communeA.id,
      number: "08",
      typeAbbreviation: "KH",
      issuerCodes: ["ĐU"],
      issuedOn: "2024-01-10",
      subject: "Kế hoạch năm 2024",
      body: "Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết; hòa giải mâu thuẫn trong nhân dân.".normalize(
        "NFD",
      ),
    })
  ).id;
  ids.secret = (
    await createDocument(db, {
      ownerOrgId: fx.communeA.id,
      number: "09",
      typeAbbreviation: "CV",
      issuerCodes: ["ĐU"],
      issuedOn: "2024-02-01",
      subject: "Công văn mật về kiểm tra giám sát",
      confidentiality: "confidential",
    })
  ).id;
  ids.otherCommune = (
    await createDocument(db, {
      ownerOrgId: fx.communeB.id,
      number: "03",
      typeAbbreviation: "KH",
      issuerCodes: ["ĐU"],
      issuedOn: "2024-03-01",
      subject: "Kế hoạch kiểm tra giám sát của phường",
    })
  ).id;
  ids.placeholder = (
    await createDocument(db, {
      ownerOrgId: province,
      typeAbbreviation: "NQ",
      number: null,
      issuedOn: null,
      citation: "Nghị quyết Trung ương 4 (khóa XII)",
      issuerCodes: [],
      subject: "",
      isPlaceholder: true,
    })
  ).id;
  staff = await t.actor([{ role: "committee_staff", orgId: province }]);
  member = await t.actor([{ role: "member", orgId: fx.communeA.id }]);
});
afterAll(async () => {
  await t.close();
});

describe("GET /api/documents", () => {
  it("answers 401 without a session and 400 naming each bad field", async () => {
    expect((await list(null)).statusCode).toBe(401);
    const response = await list(staff, { year: "abc", pageSize: 1000, status: "old", plansOnly: "maybe" });
    expect(response.statusCode).toBe(400);
    const paths = (response.json() as { error: { issues: { path: string }[] } }).error.issues.map(
      (i) => i.path,
    );
    expect(paths.sort()).toEqual([
      "querystring.pageSize",
      "querystring.plansOnly",
      "querystring.status",
      "querystring.year",
    ]);
  });

  it("lists newest first without a query, undated placeholders last", async () => {
    const page = await found(staff, {});
    expect(page.items.map((item) => item.id)).toEqual([
      ids.otherCommune,
      ids.secret,
      ids.bodyOnly,
      ids.inspection,
      ids.plan,
      ids.kl21,
      ids.placeholder,
    ]);
    expect(page).toMatchObject({ total: 7, totalIsLowerBound: false, page: 1, pageSize: 20 });
    expect(page.items.every((item) => item.snippet === null && item.rank === null)).toBe(true);
    expect(page.items[0]).toMatchObject({
      symbol: "03-KH/ĐU",
      typeName: "Kế hoạch",
      ownerOrgId: fx.communeB.id,
    });
  });

  it("matches without diacritics whatever the Unicode form or tone placement", async () => {
    for (const q of ["hoa giai", "hòa giải", "hoà giải", "HOÀ GIẢI".normalize("NFD")]) {
      expect((await names(staff, { q })).sort(), q).toEqual(["bodyOnly", "plan"]);
    }
    expect(await names(staff, { q: "dang he thong chinh tri" })).toEqual(["kl21"]);
  });

  it("ranks subject and symbol matches above body matches, with marked snippets in the original spelling", async () => {
    const page = await found(staff, { q: "kiem tra giam sat" });
    const order = page.items.map((item) => item.id);
    // Subject matches first, then the body match.
    expect(new Set(order.slice(0, 3))).toEqual(new Set([ids.inspection, ids.secret, ids.otherCommune]));
    expect(order[3]).toBe(ids.bodyOnly);
    const bodyHit = page.items.find((item) => item.id === ids.bodyOnly);
    expect(bodyHit?.snippet).toContain("«kiểm» «tra», «giám» «sát»".normalize("NFD"));
    expect(bodyHit?.rank).toBeGreaterThan(0);
    const subjectHit = page.items.find((item) => item.id === ids.inspection);
    expect(subjectHit?.snippet).toContain("«kiểm» «tra»");
    expect(subjectHit?.rank ?? 0).toBeGreaterThan(0);
  });

  it("finds a number as typed, the document itself before the plans citing it", async () => {
    for (const q of ["21-KL/TW", "21-kl/tw", "so 21-KL/TW", "KL/TW 21"]) {
      const hits = await names(staff, { q });
      expect(hits[0], q).toBe("kl21");
      // The plan names it in its subject and body.
      expect(hits, q).toContain("plan");
    }
    for (const q of ["21-KL", '"21-KL"', "số 21"]) {
      expect((await names(staff, { q }))[0], q).toBe("kl21");
    }
    // By the type's name: the plan's subject says "Kết luận số 21" too.
    expect(await names(staff, { q: "ket luan 21" })).toContain("kl21");
    expect(await names(staff, { q: "05-QC/UBKTTU" })).toEqual(["inspection"]);
    expect(await names(staff, { q: "nghi quyet trung uong 4" })).toEqual(["placeholder"]);
  });

  it("puts the document of a number typed with its type's name first, before the newer plans citing it", async () => {
    const db = t.database.db;
    const root = await createOrg(db, null, { typeCode: "tinh_uy" });
    const directive = await createDocument(db, {
      ownerOrgId: root.id,
      number: "21",
      typeAbbreviation: "KL",
      issuerCodes: ["TW"],
      issuedOn: "2021-10-25",
      subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
      body: "Bộ Chính trị yêu cầu tiếp tục quán triệt các nghị quyết của Đảng.",
    });
    const resolution = await createDocument(db, {
      ownerOrgId: root.id,
      number: "21",
      typeAbbreviation: "NQ",
      issuerCodes: ["TU"],
      issuedOn: "2020-05-01",
      subject: "Về phát triển kinh tế",
    });
    const plans: number[] = [];
    for (const day of [1, 2, 3, 4, 5]) {
      const plan = await createDocument(db, {
        ownerOrgId: root.id,
        number: String(day),
        typeAbbreviation: "KH",
        issuerCodes: ["ĐU"],
        issuedOn: `2022-03-0${day}`,
        subject: "Kế hoạch thực hiện Kết luận số 21-KL/TW và các nghị quyết của Đảng ủy",
      });
      plans.unshift(plan.id);
    }
    const admin = await t.actor([{ role: "committee_staff", orgId: root.id }]);
    const hits = async (q: string) =>
      ((await list(admin, { q })).json() as DocumentList).items.map((item) => item.id);
    // The five plans are newer and hold the words in their subjects; the document bearing the number leads.
    for (const q of ["ket luan 21", "kết luận 21", "ket luan so 21", "21 ket luan"]) {
      expect(await hits(q), q).toEqual([directive.id, ...plans]);
    }
    // By the abbreviation: the plans' "21-KL/TW" is one token of their subjects, not the word "kl".
    for (const q of ["kl 21", "21 kl", "KL số 21"]) expect((await hits(q))[0], q).toBe(directive.id);
    // Another type's number: the resolution numbered 21 first, the directive (matched in its body) not.
    const byResolution = await hits("nghi quyet 21");
    expect(byResolution[0]).toBe(resolution.id);
    expect(byResolution).toContain(directive.id);
    expect(byResolution.slice(0, 6)).not.toContain(directive.id);
    // Without a number nothing changes: the subjects rank above the type's name, newest first.
    expect(await hits("ket luan")).toEqual([...plans, directive.id]);
    expect(await hits("ke hoach thuc hien")).toEqual(plans);
    // The numbered tier keeps to what the actor may see: commune A's member sees only the plan sent to it.
    const seen = ((await list(member, { q: "ket luan 21" })).json() as DocumentList).items.map(
      (item) => item.id,
    );
    expect(seen).toEqual([ids.plan]);
  });

  it("answers an empty list to a query with nothing to look up", async () => {
    for (const q of ["!!!", '""', "-dang", "''", "…"]) {
      const page = await found(staff, { q });
      expect(page, q).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
    }
    expect((await found(staff, { q: "   " })).total).toBe(7);
    expect((await found(staff, { q: "khongcotu" })).total).toBe(0);
  });

  it("filters by type, issuer (any joint issuer), year, status, plans and placeholders", async () => {
    expect((await names(staff, { typeAbbreviation: "KH" })).sort()).toEqual([
      "bodyOnly",
      "otherCommune",
      "plan",
    ]);
    expect(await names(staff, { issuerCode: "UBKTTU" })).toEqual(["inspection"]);
    expect(await names(staff, { issuerCode: "TW" })).toEqual(["kl21"]);
    expect(await names(staff, { year: 2024 })).toEqual(["otherCommune", "secret", "bodyOnly"]);
    expect(await names(staff, { status: "amended" })).toEqual(["inspection"]);
    expect(await names(staff, { plansOnly: true })).toEqual(["otherCommune", "bodyOnly", "plan"]);
    expect(await names(staff, { includePlaceholders: false })).not.toContain("placeholder");
    expect(await names(staff, { includePlaceholders: true })).toContain("placeholder");
    expect(await names(staff, { q: "kiem tra", typeAbbreviation: "KH", year: 2024 })).toEqual([
      "otherCommune",
      "bodyOnly",
    ]);
  });

  it("narrows to a subtree: held by, issued by or addressed to organisations under it", async () => {
    expect(await names(staff, { orgId: fx.communeA.id })).toEqual(["secret", "bodyOnly", "plan"]);
    expect(await names(staff, { orgId: fx.communeB.id })).toEqual(["otherCommune", "plan"]);
    expect(await names(staff, { orgId: fx.cellA.id })).toEqual([]);
    const issued = await createOrg(t.database.db, fx.communeA, { typeCode: "chi_bo_truc_thuoc" });
    const doc = await createDocument(t.database.db, {
      ownerOrgId: fx.province.id,
      issuingOrgId: issued.id,
      number: "02",
      typeAbbreviation: "BC",
      issuerCodes: ["CB"],
      issuedOn: "2020-01-01",
      subject: "Báo cáo của chi bộ",
    });
    expect((await found(staff, { orgId: issued.id })).items.map((item) => item.id)).toEqual([doc.id]);
    await t.database.db.deleteFrom("documents").where("id", "=", doc.id).execute();
  });

  it("keeps to what the actor may see: no confidential or other commune's document, listed or counted", async () => {
    const all = await list(member, {});
    expect(all.statusCode).toBe(200);
    const page = all.json() as DocumentList;
    // Commune A's own plan and the province's plan addressed to it.
    expect(page.items.map((item) => item.id)).toEqual([ids.bodyOnly, ids.plan]);
    expect(page.total).toBe(2);
    const searched = (await list(member, { q: "kiem tra giam sat" })).json() as DocumentList;
    expect(searched.items.map((item) => item.id)).toEqual([ids.bodyOnly]);
    expect(searched.total).toBe(1);
    expect(((await list(member, { q: "cong van mat" })).json() as DocumentList).total).toBe(0);
    // Another commune's subtree, or one that does not exist, is unknown.
    for (const orgId of [fx.communeB.id, 999_999_999]) {
      const response = await list(member, { orgId });
      expect(response.statusCode).toBe(404);
      expect((response.json() as { error: { code: string } }).error.code).toBe("ORG_NOT_FOUND");
    }
  });

  it("pages, and says the total is a lower bound past the search cap", async () => {
    const db = t.database.db;
    const root = await createOrg(db, null, { typeCode: "tinh_uy" });
    const { rows } = await sql<{ id: number }>`
      INSERT INTO documents (owner_org_id, system, type_id, type_abbreviation, issuer_codes, issued_on, subject)
      SELECT ${root.id}, 'party', t.id, 'TB', '{TU}', date '2020-01-01' + g, 'Thông báo số ' || g || ' về phòng chống thiên tai'
      FROM generate_series(1, ${SEARCH_CAP + 5}) AS g, (SELECT id FROM document_types WHERE abbreviation = 'TB' AND system = 'party') t
      RETURNING id`.execute(db);
    await refreshSearchVectors(
      db,
      rows.map((row) => row.id),
    );
    const admin = await t.actor([{ role: "committee_staff", orgId: root.id }]);
    const first = (await list(admin, { q: "thien tai", pageSize: 50 })).json() as DocumentList;
    expect(first).toMatchObject({ total: SEARCH_CAP, totalIsLowerBound: true });
    expect(first.items).toHaveLength(50);
    const second = (await list(admin, { q: "thien tai", pageSize: 50, page: 2 })).json() as DocumentList;
    expect(second.items).toHaveLength(50);
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(100);
    const past = (await list(admin, { q: "thien tai", pageSize: 100, page: 500 })).json() as DocumentList;
    expect(past).toMatchObject({ items: [], total: SEARCH_CAP, totalIsLowerBound: true });
    // A number cited in more subjects than the cap: the document bearing it still comes first.
    const cited = await createDocument(db, {
      ownerOrgId: root.id,
      number: "07",
      typeAbbreviation: "CT",
      issuerCodes: ["TU"],
      issuedOn: "2019-01-01",
      subject: "Về phòng chống thiên tai",
    });
    await sql`UPDATE documents SET subject = subject || ' theo Chỉ thị số 07-CT/TU'
      WHERE owner_org_id = ${root.id} AND id <> ${cited.id}`.execute(db);
    await refreshSearchVectors(
      db,
      rows.map((row) => row.id),
    );
    for (const q of ["07-CT/TU", "07-ct/tu", "số 07-CT/TU"]) {
      const byNumber = (await list(admin, { q })).json() as DocumentList;
      expect(byNumber.items[0]?.id, q).toBe(cited.id);
      expect(byNumber.totalIsLowerBound, q).toBe(true);
    }
    const plain = (await list(admin, { pageSize: 10, page: 3 })).json() as DocumentList;
    expect(plain).toMatchObject({ total: SEARCH_CAP + 6, totalIsLowerBound: false });
    expect(plain.items[0]?.subject).toBe(
      `Thông báo số ${SEARCH_CAP + 5 - 20} về phòng chống thiên tai theo Chỉ thị số 07-CT/TU`,
    );
  });
});
