// The search vector on a real database: which forms of a symbol find the document, diacritics folded,
// weights (subject A, type name B, body D), and a long body within the tsvector limit.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, searchVectorText } from "../../../test/document-factories.ts";
import { createProvince } from "../../../test/factories.ts";
import { openTestDatabase } from "../../../test/test-database.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import {
  refreshSearchVector,
  refreshSearchVectors,
  SEARCH_BODY_FALLBACK_CHARS,
  SEARCH_BODY_MAX_CHARS,
} from "./documents.search.repository.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** Whether the document's vector matches what a person typed (diacritics already folded by namro_vi). */
async function matches(documentId: number, typed: string): Promise<boolean> {
  const { rows } = await sql<{ hit: boolean }>`
    SELECT search_tsv @@ websearch_to_tsquery('namro_vi', unaccent(${typed})) AS hit
    FROM documents WHERE id = ${documentId}`.execute(database.db);
  return rows[0]?.hit === true;
}

describe("refreshSearchVector", () => {
  it("finds a Party symbol as people type it", async () => {
    const p = await createProvince(database.db);
    const doc = await createDocument(database.db, {
      ownerOrgId: p.province.id,
      number: "21",
      typeAbbreviation: "KL",
      issuerCodes: ["TW"],
      subject: "Về tiếp tục đổi mới, kiện toàn tổ chức bộ máy",
    });
    for (const typed of [
      "21-KL/TW",
      "21-kl/tw",
      "21-KL",
      "KL/TW 21",
      "số 21",
      "so 21",
      "Số 21-KL/TW",
      "ket luan 21",
    ]) {
      expect(await matches(doc.id, typed), typed).toBe(true);
    }
    for (const typed of ["22-KL/TW", "21-NQ/TW", "21-KL/TU"]) {
      expect(await matches(doc.id, typed), typed).toBe(false);
    }
  });

  it("finds joint issuers one at a time, and a padded number without its zero", async () => {
    const p = await createProvince(database.db);
    const doc = await createDocument(database.db, {
      ownerOrgId: p.province.id,
      number: "05",
      typeAbbreviation: "QC",
      issuerCodes: ["BTCTU", "BDVTU"],
      subject: "Quy chế phối hợp",
    });
    for (const typed of ["05-QC/BTCTU-BDVTU", "05-QC/BTCTU", "05-QC/BDVTU", "5-QC/BTCTU", "QC 05"]) {
      expect(await matches(doc.id, typed), typed).toBe(true);
    }
  });

  it("finds state symbols with Đ typed without diacritics, and by number and year", async () => {
    const p = await createProvince(database.db);
    const doc = await createDocument(database.db, {
      ownerOrgId: p.province.id,
      system: "state",
      number: "30/2020",
      typeAbbreviation: "NĐ",
      issuerCodes: ["CP"],
      subject: "Về công tác văn thư",
    });
    expect(doc.symbol).toBe("30/2020/NĐ-CP");
    for (const typed of ["30/2020/NĐ-CP", "30/2020/ND-CP", "30/2020", "nghi dinh 30", "cong tac van thu"]) {
      expect(await matches(doc.id, typed), typed).toBe(true);
    }
  });

  it("folds diacritics in subject and body, whatever the Unicode form or tone placement", async () => {
    const p = await createProvince(database.db);
    const body = "Tăng cường sự lãnh đạo của Đảng đối với công tác hoà giải ở cơ sở.".normalize("NFD");
    const doc = await createDocument(database.db, {
      ownerOrgId: p.province.id,
      subject: "Về thủy lợi",
      body,
    });
    for (const typed of ["hoa giai", "hòa giải", "hoà giải", "dang", "Đảng", "thuy loi", "thuỷ lợi"]) {
      expect(await matches(doc.id, typed), typed).toBe(true);
    }
  });

  it("weights the subject A, the type's name B and the body D", async () => {
    const p = await createProvince(database.db);
    const doc = await createDocument(database.db, {
      ownerOrgId: p.province.id,
      typeAbbreviation: "HD",
      subject: "Kiểm tra",
      body: "giám sát",
    });
    const vector = await searchVectorText(database.db, doc.id);
    expect(vector).toMatch(/'kiem':\d+A/);
    expect(vector).toMatch(/'huong':\d+B/);
    expect(vector).toMatch(/'giam':\d+(?![ABC])/);
  });

  it("follows the row and text after a change, for one or many documents", async () => {
    const p = await createProvince(database.db);
    const a = await createDocument(database.db, { ownerOrgId: p.province.id, subject: "Về chuyển đổi số" });
    const b = await createDocument(database.db, { ownerOrgId: p.province.id, subject: "Về chuyển đổi số" });
    await database.db
      .updateTable("documents")
      .set({ subject: "Về quốc phòng" })
      .where("id", "=", a.id)
      .execute();
    await refreshSearchVector(database.db, a.id);
    expect(await matches(a.id, "quoc phong")).toBe(true);
    expect(await matches(a.id, "chuyen doi so")).toBe(false);
    await database.db
      .updateTable("documents")
      .set({ subject: "Về an ninh" })
      .where("id", "in", [a.id, b.id])
      .execute();
    await database.db
      .insertInto("documentTexts")
      .values({ documentId: b.id, body: "Bảo vệ biên giới" })
      .execute();
    await refreshSearchVectors(database.db, [a.id, b.id]);
    expect(await matches(a.id, "an ninh")).toBe(true);
    expect(await matches(b.id, "bien gioi")).toBe(true);
  });

  it("indexes a 200-page body and stops at the indexed prefix", async () => {
    const p = await createProvince(database.db);
    const syllables =
      "xây dựng chỉnh đốn đảng hệ thống chính trị trong sạch vững mạnh nâng cao năng lực lãnh đạo sức chiến đấu tổ chức cơ sở đảng chất lượng đội ngũ cán bộ đảng viên kiểm tra giám sát thi hành kỷ luật".split(
        " ",
      );
    const words: string[] = [];
    for (let i = 0, length = 0; length < SEARCH_BODY_MAX_CHARS; i++) {
      // A code every few words: distinct tokens are what fills a vector.
      const word = i % 7 === 0 ? `mã-${i}` : (syllables[(i * 31) % syllables.length] ?? "");
      words.push(word);
      length += word.length + 1;
    }
    const body = `${words.join(" ")} ngoaiphamvi`;
    const doc = await createDocument(database.db, {
      ownerOrgId: p.province.id,
      subject: "Kế hoạch dài",
      body,
    });
    expect(await matches(doc.id, "chinh don dang")).toBe(true);
    expect(await matches(doc.id, "ngoaiphamvi")).toBe(false);
  });

  it("indexes a shorter prefix of a body whose vector would pass 1 MB, inside a transaction that goes on", async () => {
    const p = await createProvince(database.db);
    // 95,000 distinct codes: 950,000 characters whose full vector would be 1.1 MB.
    const codes = Array.from({ length: 95_000 }, (_, i) => `XK${String(i).padStart(7, "0")}`);
    const body = codes.join(" ");
    expect(body.length).toBeLessThan(SEARCH_BODY_MAX_CHARS);
    const doc = await createDocument(database.db, { ownerOrgId: p.province.id, subject: "Bảng mã", body });
    await database.db.transaction().execute(async (trx) => {
      await refreshSearchVector(trx, doc.id);
      await trx.updateTable("documents").set({ signer: "Nguyễn Văn A" }).where("id", "=", doc.id).execute();
    });
    const fallback = SEARCH_BODY_FALLBACK_CHARS[0] ?? 0;
    const inside = codes[Math.floor(fallback / 10) - 100] ?? "";
    const beyond = codes[Math.floor(fallback / 10) + 100] ?? "";
    expect(await matches(doc.id, inside.toLowerCase())).toBe(true);
    expect(await matches(doc.id, beyond.toLowerCase())).toBe(false);
    expect(await matches(doc.id, "bang ma")).toBe(true);
    const signer = await database.db
      .selectFrom("documents")
      .select("signer")
      .where("id", "=", doc.id)
      .executeTakeFirst();
    expect(signer?.signer).toBe("Nguyễn Văn A");
    // Outside a transaction the same.
    await refreshSearchVectors(database.db, [doc.id]);
    expect(await matches(doc.id, inside.toLowerCase())).toBe(true);
  });

  it("indexes only the head when even the shorter prefix is too dense (a hyphenated code makes three lexemes)", async () => {
    const p = await createProvince(database.db);
    const words: string[] = [];
    for (let i = 0, length = 0; length < 400_000; i++) {
      const b = i.toString(36).padStart(4, "0");
      const word = `${b}-${b.slice(1)}`;
      words.push(word);
      length += word.length + 1;
    }
    const doc = await createDocument(database.db, {
      ownerOrgId: p.province.id,
      subject: "Danh mục địa chỉ",
      body: words.join(" "),
    });
    await database.db.transaction().execute(async (trx) => {
      await refreshSearchVector(trx, doc.id);
    });
    expect(await matches(doc.id, "danh muc dia chi")).toBe(true);
    expect(await searchVectorText(database.db, doc.id)).not.toContain("0001-001");
  });
});
