// The bulk register of one province (`namro seed --scale province|national`): ~1,500 documents of the
// Tỉnh ủy and its departments since 2021, ~280 of each commune committee since it was formed on
// 1 July 2025, texts of realistic length from the phrase banks, relations (each commune plan
// implements its provincial plan; citations of central documents), and cascades: twelve provincial
// plans of the current term each requiring every commune committee, plus — outside the demo province,
// whose demo register has it — a programme for the Nghị quyết Đại hội XIV. Deterministic (seeded per
// province and commune); dated up to SCALE_AS_OF, not "today", so two runs give the same data.
import { formatDocumentSymbol, padDocumentNumber } from "@namro/domain";
import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { placeAndDate } from "./demo-document-texts.ts";
import { type PhraseContext, synthesizeParagraphs, synthesizeSubject } from "./document-phrases.ts";
import {
  type DocumentPlan,
  emptyDocumentPlan,
  loadCommitteeTerms,
  type PlannedDocument,
  type PlannedTerm,
} from "./documents-bulk.ts";
import { personName } from "./person-name.ts";
import { createRandom, type Random } from "./random.ts";
import { VILLAGES } from "./vietnamese-names.ts";

/** The bulk register is dated up to this day. */
export const SCALE_AS_OF = "2026-11-15";
const COMMUNES_FORMED = "2025-07-01";
const PROVINCE_TERM_BREAK = "2025-10-15";
const PROVINCE_HISTORY_FROM = "2021-01-04";

/** How many documents a province gets. */
export interface RegisterSize {
  /** Documents of the Tỉnh ủy and its departments. */
  provinceDocuments: number;
  /** Documents of a commune committee (its implementing plans included), drawn per commune. */
  communeDocuments: readonly [min: number, max: number];
  /** Provincial plans of the current term that every commune committee must carry out. */
  cascadedPlans: number;
}

/** ~18,000 documents in a province of 60 communes; ~1,000,000 across the country's 3,321 communes. */
export const NATIONAL_REGISTER_SIZE: RegisterSize = {
  provinceDocuments: 1_500,
  communeDocuments: [240, 320],
  cascadedPlans: 12,
};

/** A central document of the demo register that bulk documents cite and carry out. */
export interface CentralDocument {
  id: number;
  /** How running text cites it: "Kết luận số 21-KL/TW, ngày 25/10/2021", "Nghị quyết Đại hội XIV". */
  citation: string;
}

export interface CentralDocuments {
  /** Documents provincial plans carry out, in rotation. */
  implemented: CentralDocument[];
  congressResolution: CentralDocument;
}

interface Org {
  id: number;
  code: string;
  name: string;
}

export interface ProvinceOrgs {
  root: Org;
  /** Departments that issue documents of their own, with their issuer code. */
  departments: (Org & { issuer: string; validFrom: string })[];
  communes: (Org & { word: string; place: string })[];
}

export interface ProvinceDocumentsOptions {
  /** The demo province already holds a programme for the Nghị quyết Đại hội XIV. */
  withCongressProgramme: boolean;
  size: RegisterSize;
}

const PROVINCE_TYPES: readonly [string, string, number][] = [
  ["NQ", "Nghị quyết", 8],
  ["KH", "Kế hoạch", 20],
  ["BC", "Báo cáo", 20],
  ["TB", "Thông báo", 20],
  ["QĐ", "Quyết định", 15],
  ["CV", "Công văn", 12],
  ["CTr", "Chương trình", 3],
  ["HD", "Hướng dẫn", 2],
];
const DEPARTMENT_TYPES: readonly [string, string, number][] = [
  ["HD", "Hướng dẫn", 25],
  ["CV", "Công văn", 35],
  ["BC", "Báo cáo", 20],
  ["TB", "Thông báo", 10],
  ["KH", "Kế hoạch", 10],
];
const COMMUNE_TYPES: readonly [string, string, number][] = [
  ["CV", "Công văn", 25],
  ["TB", "Thông báo", 14],
  ["BC", "Báo cáo", 18],
  ["KH", "Kế hoạch", 14],
  ["QĐ", "Quyết định", 17],
  ["NQ", "Nghị quyết", 6],
  ["CTr", "Chương trình", 2],
  ["BB", "Biên bản", 2],
  ["HD", "Hướng dẫn", 2],
];

const TYPE_LINES: Record<string, string> = {
  NQ: "NGHỊ QUYẾT",
  KH: "KẾ HOẠCH",
  BC: "BÁO CÁO",
  TB: "THÔNG BÁO",
  QĐ: "QUYẾT ĐỊNH",
  CV: "",
  CTr: "CHƯƠNG TRÌNH",
  HD: "HƯỚNG DẪN",
  BB: "BIÊN BẢN",
};

function pickWeighted(random: Random, table: readonly [string, string, number][]): [string, string] {
  const total = table.reduce((sum, row) => sum + row[2], 0);
  let draw = random.next() * total;
  for (const [abbreviation, name, weight] of table) {
    draw -= weight;
    if (draw < 0) return [abbreviation, name];
  }
  const last = table.at(-1) as [string, string, number];
  return [last[0], last[1]];
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function randomDate(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, daysBetween(from, to)));
}

function citedDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

/** Stands for a provincial plan's citation until its number is known. */
const PLAN_CITATION = "\u0000plan";

/** One document before numbering: its number is given per issuing series in date order. */
interface Draft {
  document: PlannedDocument;
  series: string;
  /** Paragraphs before the numbered header is known; the text is written once numbered. */
  header: readonly string[];
  typeLine: string;
  opening: string | null;
  paragraphs: string[];
  closing: readonly string[];
  citations: { to: { index: number } | { id: number }; text: string; kind: "implements" | "refers_to" }[];
}

class ProvinceRegister {
  readonly plan: DocumentPlan = emptyDocumentPlan();
  readonly drafts: Draft[] = [];

  add(draft: Omit<Draft, "document"> & { document: PlannedDocument }): number {
    this.drafts.push(draft);
    return this.plan.documents.push(draft.document) - 1;
  }
}

/** Existing numbers of the province's series (the demo's documents), so bulk numbers follow them. */
async function seriesMaxima(
  trx: Transaction<Database>,
  orgIds: readonly number[],
): Promise<Map<string, number>> {
  const { rows } = await sql<{ series: string; max: number }>`
    SELECT issuing_org_id || '|' || type_abbreviation || '|' || issuer_codes[1] || '|' ||
           coalesce('t' || term_id, 'y' || extract(year FROM issued_on)) AS series,
           max(number::int) AS max
    FROM documents
    WHERE issuing_org_id = ANY(${[...orgIds]}::bigint[]) AND number ~ '^[0-9]+$'
    GROUP BY 1`.execute(trx);
  return new Map(rows.map((row) => [row.series, Number(row.max)]));
}

/** The province's and communes' terms, created when missing; returns the term id per organisation. */
async function ensureTerms(
  trx: Transaction<Database>,
  orgs: ProvinceOrgs,
): Promise<{ provincePrevious: number; provinceCurrent: number; commune: Map<number, number> }> {
  const ids = [orgs.root.id, ...orgs.communes.map((c) => c.id)];
  const existing = await trx
    .selectFrom("committeeTerms")
    .select(["id", "orgId", "label"])
    .where("orgId", "in", ids)
    .execute();
  const find = (orgId: number, label: string) =>
    existing.find((t) => Number(t.orgId) === orgId && t.label === label)?.id;
  const wanted: PlannedTerm[] = [
    {
      orgId: orgs.root.id,
      issuerCode: null,
      label: "Nhiệm kỳ 2020–2025",
      startsOn: "2020-10-15",
      endsOn: "2025-10-14",
    },
    {
      orgId: orgs.root.id,
      issuerCode: null,
      label: "Nhiệm kỳ 2025–2030",
      startsOn: PROVINCE_TERM_BREAK,
      endsOn: null,
    },
    ...orgs.communes.map((c) => ({
      orgId: c.id,
      issuerCode: null,
      label: "Nhiệm kỳ 2025–2030",
      startsOn: COMMUNES_FORMED,
      endsOn: null,
    })),
  ];
  const missing = wanted.filter((t) => find(t.orgId as number, t.label) === undefined);
  const created = await loadCommitteeTerms(trx, missing);
  const idOf = (orgId: number, label: string): number => {
    const known = find(orgId, label);
    if (known !== undefined) return Number(known);
    const index = missing.findIndex((t) => t.orgId === orgId && t.label === label);
    return created[index] as number;
  };
  return {
    provincePrevious: idOf(orgs.root.id, "Nhiệm kỳ 2020–2025"),
    provinceCurrent: idOf(orgs.root.id, "Nhiệm kỳ 2025–2030"),
    commune: new Map(orgs.communes.map((c) => [c.id, idOf(c.id, "Nhiệm kỳ 2025–2030")])),
  };
}

interface CascadedDraft {
  index: number;
  citation: string;
  issuedOn: string;
  deadline: string;
  about: string;
  central: CentralDocument;
  programme: boolean;
}

function phraseContext(random: Random, year: string, signers: readonly string[]): PhraseContext {
  return { random, year, villages: VILLAGES, person: () => random.pick(signers) };
}

/** Plans (without writing) the register of one province. */
export async function planProvinceDocuments(
  trx: Transaction<Database>,
  orgs: ProvinceOrgs,
  central: CentralDocuments,
  options: ProvinceDocumentsOptions,
): Promise<DocumentPlan> {
  const terms = await ensureTerms(trx, orgs);
  const register = new ProvinceRegister();
  const random = createRandom(`scale-documents/${orgs.root.code}`);
  const provinceUpper = orgs.root.name.toUpperCase();
  const provinceSigners = [personName(`${orgs.root.code}/bithu`), personName(`${orgs.root.code}/phobithu`)];
  const provincePlace = orgs.root.name.replace(/^(Tỉnh|Thành) ủy /, "");
  const allCentral = [...central.implemented, central.congressResolution];

  const provinceDraft = (
    issuedOn: string,
    issuer: { id: number; code: string; header: string[] },
    type: [string, string],
    termId: number | null,
    fixed: { subject: string; topic: string } | null,
    citations: Draft["citations"],
  ): Draft => {
    const context = phraseContext(random, issuedOn.slice(0, 4), provinceSigners);
    const { subject, topic } = fixed ?? synthesizeSubject(type[0], context);
    return {
      document: {
        ownerOrgId: issuer.id,
        issuingOrgId: issuer.id,
        system: "party",
        typeAbbreviation: type[0],
        typeName: type[1],
        number: null,
        issuerCodes: [issuer.code],
        symbol: null,
        termId,
        issuedOn,
        place: provincePlace,
        subject,
        signer: random.pick(provinceSigners),
        textSource: "docx",
      },
      series: `${issuer.id}|${type[0]}|${issuer.code}|${termId === null ? `y${Number(issuedOn.slice(0, 4))}` : `t${termId}`}`,
      header: issuer.header,
      typeLine: TYPE_LINES[type[0]] ?? "",
      opening: null,
      paragraphs: synthesizeParagraphs(type[0], topic, context),
      closing: ["Nơi nhận:", "- Các đảng ủy trực thuộc,", "- Lưu Văn phòng.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"],
      citations,
    };
  };

  // The Tỉnh ủy and its departments since 2021.
  const rootHeader = { id: orgs.root.id, code: "TU", header: [provinceUpper, "*"] };
  for (let i = 0; i < options.size.provinceDocuments; i++) {
    const issuedOn = randomDate(random, PROVINCE_HISTORY_FROM, SCALE_AS_OF);
    const departments = orgs.departments.filter((d) => d.validFrom <= issuedOn);
    const byDepartment = departments.length > 0 && random.chance(0.4);
    const cited = random.chance(0.5) ? random.pick(allCentral) : null;
    const citations: Draft["citations"] = cited
      ? [{ to: { id: cited.id }, text: cited.citation, kind: "refers_to" }]
      : [];
    // Departments number their documents within the committee's term, as the committee does.
    const termId = issuedOn < PROVINCE_TERM_BREAK ? terms.provincePrevious : terms.provinceCurrent;
    if (byDepartment) {
      const department = random.pick(departments);
      register.add(
        provinceDraft(
          issuedOn,
          {
            id: department.id,
            code: department.issuer,
            header: [provinceUpper, department.name.toUpperCase(), "*"],
          },
          pickWeighted(random, DEPARTMENT_TYPES),
          termId,
          null,
          citations,
        ),
      );
    } else {
      register.add(
        provinceDraft(issuedOn, rootHeader, pickWeighted(random, PROVINCE_TYPES), termId, null, citations),
      );
    }
  }

  // Plans of the current term that every commune committee must carry out.
  const cascaded: CascadedDraft[] = [];
  const communeIds = orgs.communes.map((c) => c.id);
  const addCascaded = (
    issuedOn: string,
    deadline: string,
    centralDoc: CentralDocument,
    programme: boolean,
  ) => {
    const context = phraseContext(random, issuedOn.slice(0, 4), provinceSigners);
    const about = programme
      ? "thực hiện Nghị quyết Đại hội XIV của Đảng"
      : `thực hiện ${centralDoc.citation.split(",")[0]} về ${synthesizeSubject("KH", context).topic}`;
    const type: [string, string] = programme ? ["CTr", "Chương trình"] : ["KH", "Kế hoạch"];
    const draft = provinceDraft(
      issuedOn,
      rootHeader,
      type,
      terms.provinceCurrent,
      { subject: about.charAt(0).toUpperCase() + about.slice(1), topic: about },
      [{ to: { id: centralDoc.id }, text: centralDoc.citation, kind: "implements" }],
    );
    draft.closing = [
      "Nơi nhận:",
      "- Các đảng ủy xã, phường, đặc khu,",
      "- Lưu Văn phòng Tỉnh ủy.",
      "T/M BAN THƯỜNG VỤ",
      "BÍ THƯ",
    ];
    draft.paragraphs.push(
      `Các đảng ủy xã, phường, đặc khu xây dựng văn bản cụ thể hóa, ban hành trước ngày ${citedDate(deadline)}.`,
    );
    const index = register.add(draft);
    register.plan.cascades.push({
      document: { index },
      deadline,
      selection: { kind: "types", rootOrgId: orgs.root.id, typeCodes: ["dang_uy_xa"] },
      note: null,
      targetOrgIds: communeIds,
    });
    cascaded.push({ index, citation: "", issuedOn, deadline, about, central: centralDoc, programme });
  };
  for (let k = 0; k < options.size.cascadedPlans; k++) {
    const issuedOn = addDays(
      "2025-11-01",
      Math.floor((k * daysBetween("2025-11-01", "2026-10-20")) / options.size.cascadedPlans) +
        random.int(0, 9),
    );
    addCascaded(
      issuedOn,
      addDays(issuedOn, random.int(20, 45)),
      central.implemented[k % central.implemented.length] as CentralDocument,
      false,
    );
  }
  if (options.withCongressProgramme)
    addCascaded(
      randomDate(random, "2026-02-10", "2026-03-15"),
      "2026-04-30",
      central.congressResolution,
      true,
    );

  // The communes: implementing plans with gaps, and their everyday documents.
  for (const commune of orgs.communes) {
    const communeRandom = createRandom(`scale-documents/${commune.code}`);
    const signers = [personName(`${commune.code}/bithu`), personName(`${commune.code}/phobithu`)];
    const termId = terms.commune.get(commune.id) as number;
    const header = [
      `ĐẢNG BỘ ${provinceUpper.replace(/^(TỈNH|THÀNH) ỦY /, "$1 ")}`,
      commune.name.toUpperCase(),
      "*",
    ];
    const communeDraft = (
      issuedOn: string,
      type: [string, string],
      fixed: { subject: string; topic: string } | null,
      citations: Draft["citations"],
    ): Draft => {
      const context = phraseContext(communeRandom, issuedOn.slice(0, 4), signers);
      const { subject, topic } = fixed ?? synthesizeSubject(type[0], context);
      return {
        document: {
          ownerOrgId: commune.id,
          issuingOrgId: commune.id,
          system: "party",
          typeAbbreviation: type[0],
          typeName: type[1],
          number: null,
          issuerCodes: ["ĐU"],
          symbol: null,
          termId,
          issuedOn,
          place: commune.place,
          subject,
          signer: communeRandom.pick(signers),
          textSource: "docx",
          recipientOrgIds: type[0] === "BC" ? [orgs.root.id] : [],
        },
        series: `${commune.id}|${type[0]}|ĐU|t${termId}`,
        header,
        typeLine: TYPE_LINES[type[0]] ?? "",
        opening: null,
        paragraphs: synthesizeParagraphs(type[0], topic, context),
        closing: [
          "Nơi nhận:",
          "- Ban Thường vụ Tỉnh ủy (để b/c),",
          "- Các chi bộ trực thuộc,",
          "- Lưu Văn phòng Đảng ủy.",
          "T/M BAN THƯỜNG VỤ",
          "BÍ THƯ",
        ],
        citations,
      };
    };
    let planned = 0;
    for (const plan of cascaded) {
      const due = plan.deadline <= SCALE_AS_OF;
      const draw = communeRandom.next();
      const outcome = due
        ? draw < 0.7
          ? "on_time"
          : draw < 0.85
            ? "late"
            : "missing"
        : draw < 0.5
          ? "on_time"
          : "missing";
      if (outcome === "missing") continue;
      const latestOnTime = plan.deadline < SCALE_AS_OF ? plan.deadline : SCALE_AS_OF;
      const issuedOn =
        outcome === "on_time"
          ? randomDate(
              communeRandom,
              addDays(plan.issuedOn, 2) < latestOnTime ? addDays(plan.issuedOn, 2) : latestOnTime,
              latestOnTime,
            )
          : randomDate(
              communeRandom,
              addDays(plan.deadline, 1),
              addDays(plan.deadline, 45) < SCALE_AS_OF ? addDays(plan.deadline, 45) : SCALE_AS_OF,
            );
      const type: [string, string] = plan.programme ? ["CTr", "Chương trình"] : ["KH", "Kế hoạch"];
      register.add(
        communeDraft(issuedOn, type, { subject: `Thực hiện ${plan.about}`, topic: plan.about }, [
          { to: { index: plan.index }, text: PLAN_CITATION, kind: "implements" },
          {
            to: { id: plan.central.id },
            text: plan.central.citation,
            kind: plan.programme ? "implements" : "refers_to",
          },
        ]),
      );
      planned++;
    }
    const total =
      communeRandom.int(options.size.communeDocuments[0], options.size.communeDocuments[1]) - planned;
    for (let i = 0; i < total; i++) {
      const issuedOn = randomDate(communeRandom, COMMUNES_FORMED, SCALE_AS_OF);
      const citations: Draft["citations"] = [];
      const earlier = cascaded.filter((p) => p.issuedOn < issuedOn);
      if (earlier.length > 0 && communeRandom.chance(0.3)) {
        const plan = communeRandom.pick(earlier);
        citations.push({ to: { index: plan.index }, text: PLAN_CITATION, kind: "refers_to" });
      }
      if (communeRandom.chance(0.2)) {
        const doc = communeRandom.pick(allCentral);
        citations.push({ to: { id: doc.id }, text: doc.citation, kind: "refers_to" });
      }
      register.add(communeDraft(issuedOn, pickWeighted(communeRandom, COMMUNE_TYPES), null, citations));
    }
  }

  await numberAndWrite(trx, register, [orgs.root.id, ...orgs.departments.map((d) => d.id), ...communeIds]);
  return register.plan;
}

/** Gives each series its numbers in date order (after the existing ones), then writes every text. */
async function numberAndWrite(
  trx: Transaction<Database>,
  register: ProvinceRegister,
  orgIds: readonly number[],
): Promise<void> {
  const maxima = await seriesMaxima(trx, orgIds);
  const order = register.drafts.map((_, i) => i);
  order.sort((a, b) => {
    const da = register.drafts[a]?.document.issuedOn ?? "";
    const db = register.drafts[b]?.document.issuedOn ?? "";
    return da < db ? -1 : da > db ? 1 : a - b;
  });
  const gaps = createRandom("scale-documents/numbers");
  for (const i of order) {
    const draft = register.drafts[i] as Draft;
    const next = (maxima.get(draft.series) ?? 0) + (gaps.chance(0.1) ? 2 : 1);
    maxima.set(draft.series, next);
    const document = draft.document;
    document.number = padDocumentNumber(next);
    document.symbol = formatDocumentSymbol({
      number: document.number,
      type: document.typeAbbreviation,
      issuers: [...document.issuerCodes],
    });
  }
  // Texts, with the provincial plans cited by their numbers now known.
  const citationOf = (index: number) => {
    const plan = register.plan.documents[index] as PlannedDocument;
    return `${plan.typeName} số ${plan.symbol}, ngày ${citedDate(plan.issuedOn as string)}`;
  };
  register.drafts.forEach((draft, index) => {
    const document = draft.document;
    const cited = draft.citations.map((c) => ({
      ...c,
      text: c.text.startsWith(PLAN_CITATION) && "index" in c.to ? citationOf(c.to.index) : c.text,
    }));
    const opening =
      cited.length > 0
        ? `${cited[0]?.kind === "implements" ? "Thực hiện" : "Căn cứ"} ${cited.map((c) => c.text).join("; ")}, Ban Thường vụ xây dựng văn bản với các nội dung như sau:`
        : null;
    const lines = [
      ...draft.header,
      `Số ${document.symbol}`,
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      placeAndDate(document.place ?? "", document.issuedOn as string),
      ...(draft.typeLine ? [draft.typeLine] : []),
      document.subject,
      "-----",
      ...(opening ? [opening] : []),
      ...draft.paragraphs.map((p, n) => `${n + 1}. ${p}`),
      ...draft.closing,
      document.signer ?? "",
    ];
    const body = lines.join("\n");
    document.body = body;
    for (const c of cited) {
      const start = body.indexOf(c.text);
      register.plan.relations.push({
        from: index,
        to: c.to,
        kind: c.kind,
        origin: "text",
        quote: c.text,
        quoteStart: start,
        quoteEnd: start + c.text.length,
      });
    }
  });
}
