// The demo province's directive register: the central documents DOMAIN.md names, the Tỉnh ủy's plans
// and programmes that carry them out — each requiring every commune committee to issue its own plan by
// a deadline — and the communes' plans with the gaps of real life (most on time, some late, some
// missing; one plan whose deadline is still ahead). Committee terms: the province's 2020–2025 and
// 2025–2030 terms, each commune's 2025–2030 term and the former communes' 2020–2025 term.
//
// Relations come from the texts the way an upload finds them: the references are extracted, matched
// against the register, and a reference to a document that is not registered becomes a placeholder.
// Deterministic: every commune and plan draws from its own seeded stream.
import { formatDocumentSymbol, padDocumentNumber } from "@namro/domain";
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { CENTRAL, type CentralKey } from "./demo-central-documents.ts";
import { communePlanDocument } from "./demo-document-texts.ts";
import {
  type CascadedPlan,
  cascadedPlans,
  issueDate,
  outcomeOf,
  PROVINCE_SIGNER,
  THEME_RANDOM,
} from "./demo-province-plans.ts";
import { linkReferences } from "./document-references.ts";
import {
  type DocumentPlan,
  emptyDocumentPlan,
  loadCommitteeTerms,
  loadDocumentPlan,
  type PlannedDocument,
} from "./documents-bulk.ts";
import { personName } from "./person-name.ts";
import { createRandom, type Random } from "./random.ts";
import { COMMUNE_PLAN_08_KH_DU, type SampleDocument, sampleDocumentText } from "./sample-document-texts.ts";

/** The province's current term began with its 2025 congress (after the merger). */
export const PROVINCE_TERM_STARTS = "2025-10-15";
/** Commune committees were formed on 1 July 2025 and hold the 2025–2030 term from then. */
export const COMMUNE_TERM_STARTS = "2025-07-01";

export interface DemoDocumentOrgs {
  rootId: number;
  /** Ban Tổ chức Tỉnh ủy: issues guidance and joint rules. */
  organisationCommissionId: number;
  /** Active commune committees, in code order, with their active cells. */
  communes: { id: number; code: string; name: string; word: string; cellIds: number[] }[];
  /** The two communes merged into Tân Hưng in 2025. */
  former: { id: number; code: string; name: string }[];
}

export interface DemoDocumentsResult {
  documents: number;
  placeholders: number;
  relations: number;
  cascades: number;
  targets: number;
  terms: number;
}

interface PendingText {
  cascaded: CascadedPlan;
  commune: DemoDocumentOrgs["communes"][number];
  random: Random;
  signer: string;
  fromSample: boolean;
  guidance: string | null;
}

/** Plans and loads the demo register into the seed's transaction. */
export async function seedDemoDocuments(
  trx: Transaction<Database>,
  orgs: DemoDocumentOrgs,
  today: string,
): Promise<DemoDocumentsResult> {
  const centralTerms = await trx
    .selectFrom("committeeTerms")
    .select(["id", "label"])
    .where("issuerCode", "=", "TW")
    .execute();
  const centralTermId = (roman: string) => {
    const term = centralTerms.find((t) => t.label === `Khóa ${roman}`);
    if (!term) throw new Error(`Central Committee term Khóa ${roman} missing (migration 0010)`);
    return Number(term.id);
  };
  const [provincePrevious, provinceCurrent, formerA, formerB, ...communeTerms] = await loadCommitteeTerms(
    trx,
    [
      {
        orgId: orgs.rootId,
        issuerCode: null,
        label: "Nhiệm kỳ 2020–2025",
        startsOn: "2020-10-15",
        endsOn: "2025-10-14",
      },
      {
        orgId: orgs.rootId,
        issuerCode: null,
        label: "Nhiệm kỳ 2025–2030",
        startsOn: PROVINCE_TERM_STARTS,
        endsOn: null,
      },
      ...orgs.former.map((f) => ({
        orgId: f.id,
        issuerCode: null,
        label: "Nhiệm kỳ 2020–2025",
        startsOn: "2020-07-01",
        endsOn: "2025-06-30",
      })),
      ...orgs.communes.map((c) => ({
        orgId: c.id,
        issuerCode: null,
        label: "Nhiệm kỳ 2025–2030",
        startsOn: COMMUNE_TERM_STARTS,
        endsOn: null,
      })),
    ],
  );
  const communeIds = orgs.communes.map((c) => c.id);
  const plan: DocumentPlan = emptyDocumentPlan();
  const add = (document: PlannedDocument) => plan.documents.push(document) - 1;
  const texts = new Map<number, { implements: readonly number[] }>();

  // Central documents, held by the Tỉnh ủy and sent on to every commune.
  const central = new Map<CentralKey, number>();
  for (const def of CENTRAL) {
    const party = def.typeAbbreviation !== "NĐ";
    const symbol =
      def.number === null
        ? null
        : party
          ? formatDocumentSymbol({ number: def.number, type: def.typeAbbreviation, issuers: [def.issuer] })
          : `${def.number}/${def.typeAbbreviation}-${def.issuer}`;
    central.set(
      def.key,
      add({
        ownerOrgId: orgs.rootId,
        issuingOrgId: null,
        system: party ? "party" : "state",
        typeAbbreviation: def.typeAbbreviation,
        typeName: def.typeName,
        number: def.number,
        issuerCodes: [def.issuer],
        symbol,
        termId: def.term ? centralTermId(def.term) : null,
        issuedOn: def.issuedOn,
        place: null,
        subject: def.subject,
        signer: null,
        status: def.status ?? "in_force",
        citation: def.citation?.text ?? null,
        citationKey: def.citation?.key ?? null,
        recipientOrgIds: communeIds,
      }),
    );
  }
  const centralRef = (key: CentralKey) => ({ index: central.get(key) as number });
  plan.relations.push(
    { from: central.get("KL215") as number, to: centralRef("QDI11"), kind: "amends", origin: "manual" },
    { from: central.get("HD43") as number, to: centralRef("QD366"), kind: "guides", origin: "manual" },
  );

  const provinceDoc = (
    fields: Pick<PlannedDocument, "typeAbbreviation" | "typeName" | "issuedOn" | "subject"> & {
      number: number;
      issuer?: string;
      issuingOrgId?: number;
      termId: number | null;
      text?: SampleDocument;
      status?: PlannedDocument["status"];
      implements?: readonly number[];
      joint?: readonly string[];
    },
  ) => {
    const issuers = [fields.issuer ?? "TU", ...(fields.joint ?? [])];
    const number = padDocumentNumber(fields.number);
    const index = add({
      ownerOrgId: fields.issuingOrgId ?? orgs.rootId,
      issuingOrgId: fields.issuingOrgId ?? orgs.rootId,
      system: "party",
      typeAbbreviation: fields.typeAbbreviation,
      typeName: fields.typeName,
      number,
      issuerCodes: issuers,
      symbol: formatDocumentSymbol({ number, type: fields.typeAbbreviation, issuers }),
      termId: fields.termId,
      issuedOn: fields.issuedOn,
      place: "Bắc Ninh",
      subject: fields.subject,
      signer: fields.text ? (fields.text.footerRight.at(-1) ?? null) : PROVINCE_SIGNER,
      status: fields.status ?? "in_force",
      textSource: fields.text ? "docx" : null,
      body: fields.text ? sampleDocumentText(fields.text) : null,
      recipientOrgIds: communeIds,
    });
    if (fields.text) texts.set(index, { implements: fields.implements ?? [] });
    return index;
  };

  // The previous term: a plan for 21-KL/TW (replaced by 12-KH/TU), a programme for 05-CT/TW, a joint rule.
  const oldPlan = provinceDoc({
    typeAbbreviation: "KH",
    typeName: "Kế hoạch",
    number: 45,
    termId: provincePrevious as number,
    issuedOn: "2021-12-10",
    subject: "Thực hiện Kết luận số 21-KL/TW của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII",
    status: "replaced",
  });
  plan.relations.push({ from: oldPlan, to: centralRef("KL21"), kind: "implements", origin: "manual" });
  const oldProgramme = provinceDoc({
    typeAbbreviation: "CTr",
    typeName: "Chương trình",
    number: 8,
    termId: provincePrevious as number,
    issuedOn: "2021-07-20",
    subject: "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị giai đoạn 2021 - 2025",
    status: "expired",
  });
  plan.relations.push({ from: oldProgramme, to: centralRef("CT05"), kind: "implements", origin: "manual" });
  provinceDoc({
    typeAbbreviation: "QC",
    typeName: "Quy chế",
    number: 5,
    issuer: "BTCTU",
    joint: ["BDVTU"],
    issuingOrgId: orgs.organisationCommissionId,
    termId: provincePrevious as number,
    issuedOn: "2021-06-15",
    subject: "Quy chế phối hợp giữa Ban Tổ chức và Ban Dân vận Tỉnh ủy",
  });
  provinceDoc({
    typeAbbreviation: "ĐA",
    typeName: "Đề án",
    number: 2,
    termId: provinceCurrent as number,
    issuedOn: "2025-11-20",
    subject: "Nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2025 - 2030",
  });
  // The two former communes carried out the old plan (its cascade names them; they are merged now).
  const oldCascadeTargets = orgs.former.map((f) => f.id);
  plan.cascades.push({
    document: { index: oldPlan },
    deadline: "2022-01-31",
    selection: { kind: "orgs", orgIds: oldCascadeTargets },
    note: null,
    targetOrgIds: oldCascadeTargets,
  });
  orgs.former.forEach((former, i) => {
    const issuedOn = i === 0 ? "2022-01-12" : "2022-02-10";
    const number = i === 0 ? "15" : "11";
    const index = add({
      ownerOrgId: former.id,
      issuingOrgId: former.id,
      system: "party",
      typeAbbreviation: "KH",
      typeName: "Kế hoạch",
      number,
      issuerCodes: ["ĐU"],
      symbol: `${number}-KH/ĐU`,
      termId: [formerA, formerB][i] as number,
      issuedOn,
      place: former.name,
      subject: "Thực hiện Kế hoạch số 45-KH/TU của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 21-KL/TW",
      signer: personName(`demo-documents/${former.code}`),
      status: "expired",
    });
    plan.relations.push(
      { from: index, to: { index: oldPlan }, kind: "implements", origin: "manual" },
      { from: index, to: centralRef("KL21"), kind: "implements", origin: "manual" },
    );
  });

  const plans = cascadedPlans(today);
  const guidance = provinceDoc({
    typeAbbreviation: "HD",
    typeName: "Hướng dẫn",
    number: 7,
    issuer: "BTCTU",
    issuingOrgId: orgs.organisationCommissionId,
    termId: provinceCurrent as number,
    issuedOn: "2025-11-25",
    subject: "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025 ở cấp xã",
  });

  // Every commune's documents by type, numbered in date order once all are planned.
  const communeDocs = new Map<number, { index: number; fixedNumber: number | null }[]>();
  const pendingTexts = new Map<number, PendingText>();
  for (const cascaded of plans) {
    const implementsIds = cascaded.implements.map((key) => central.get(key) as number);
    const provinceIndex = provinceDoc({
      typeAbbreviation: cascaded.typeAbbreviation,
      typeName: cascaded.typeName,
      number: cascaded.number,
      termId: provinceCurrent as number,
      issuedOn: cascaded.issuedOn,
      subject: cascaded.subject,
      text: cascaded.text,
      implements: implementsIds,
    });
    if (cascaded.key === "kiem-diem-2025")
      plan.relations.push({ from: guidance, to: { index: provinceIndex }, kind: "guides", origin: "manual" });
    if (cascaded.key === "kl21-2026")
      plan.relations.push({
        from: provinceIndex,
        to: { index: oldPlan },
        kind: "replaces",
        origin: "manual",
      });
    plan.cascades.push({
      document: { index: provinceIndex },
      deadline: cascaded.deadline,
      selection: { kind: "types", rootOrgId: orgs.rootId, typeCodes: ["dang_uy_xa"] },
      note: `Các đảng ủy xã, phường ban hành văn bản cụ thể hóa trước ngày ${cascaded.deadline.split("-").reverse().join("/")}.`,
      targetOrgIds: communeIds,
    });

    orgs.communes.forEach((commune, c) => {
      const random = THEME_RANDOM(commune.code, cascaded.key);
      const outcome = outcomeOf(cascaded, commune.code, random);
      if (outcome === "missing") return;
      const fromSample = cascaded.key === "kl21-2026" && commune.name === "Tiên Du";
      const issuedOn = fromSample ? "2026-03-02" : issueDate(cascaded, outcome, today, random);
      const signer =
        commune.code === "BN-TANHUNG" ? "Phạm Đức Thắng" : personName(`demo-documents/${commune.code}/bithu`);
      const typeAbbreviation = cascaded.theme.typeLine === "CHƯƠNG TRÌNH" ? "CTr" : "KH";
      const index = add({
        ownerOrgId: commune.id,
        issuingOrgId: commune.id,
        system: "party",
        typeAbbreviation,
        typeName: typeAbbreviation === "CTr" ? "Chương trình" : "Kế hoạch",
        number: null,
        issuerCodes: ["ĐU"],
        symbol: null,
        termId: communeTerms[c] as number,
        issuedOn,
        place: commune.name,
        subject: `Thực hiện ${cascaded.typeName} số ${padDocumentNumber(cascaded.number)}-${cascaded.typeAbbreviation}/TU của Ban Thường vụ Tỉnh ủy về ${cascaded.about}`,
        signer: fromSample ? (COMMUNE_PLAN_08_KH_DU.footerRight.at(-1) ?? null) : signer,
        textSource: "docx",
        // Nơi nhận: the Tỉnh ủy and the commune's cells, so cell secretaries and members read it.
        recipientOrgIds: [orgs.rootId, ...commune.cellIds],
      });
      const guidanceShare = cascaded.unregisteredGuidance?.share ?? 0;
      texts.set(index, { implements: [provinceIndex, ...implementsIds] });
      const list = communeDocs.get(commune.id) ?? [];
      list.push({ index, fixedNumber: fromSample ? 8 : null });
      communeDocs.set(commune.id, list);
      // The text is written once the number is known (below); keep what it needs.
      pendingTexts.set(index, {
        cascaded,
        commune,
        random,
        signer,
        fromSample,
        guidance:
          guidanceShare > 0 && random.chance(guidanceShare)
            ? (cascaded.unregisteredGuidance?.citation ?? null)
            : null,
      });
    });
  }

  // Numbers: per commune and type, in date order, with gaps for documents not in the register.
  for (const [communeId, list] of communeDocs) {
    const random = createRandom(`demo-documents/numbers/${communeId}`);
    const byType = new Map<string, number>();
    const ordered = [...list].sort((a, b) =>
      (plan.documents[a.index]?.issuedOn ?? "").localeCompare(plan.documents[b.index]?.issuedOn ?? ""),
    );
    for (const entry of ordered) {
      const document = plan.documents[entry.index] as PlannedDocument;
      const previous = byType.get(document.typeAbbreviation) ?? 0;
      const value = entry.fixedNumber ?? previous + random.int(1, 3);
      byType.set(document.typeAbbreviation, Math.max(previous, value));
      document.number = padDocumentNumber(value);
      document.symbol = formatDocumentSymbol({
        number: document.number,
        type: document.typeAbbreviation,
        issuers: ["ĐU"],
      });
      const pending = pendingTexts.get(entry.index);
      if (!pending) continue;
      const text = pending.fromSample
        ? COMMUNE_PLAN_08_KH_DU
        : communePlanDocument({
            theme: pending.cascaded.theme,
            provincePlan: {
              citation: `${pending.cascaded.typeName} số ${padDocumentNumber(pending.cascaded.number)}-${pending.cascaded.typeAbbreviation}/TU`,
              issuedOn: pending.cascaded.issuedOn,
              about: pending.cascaded.about,
            },
            communeName: pending.commune.name,
            communeWord: pending.commune.word,
            symbol: document.symbol,
            issuedOn: document.issuedOn as string,
            signer: pending.signer,
            unregisteredGuidance: pending.guidance,
            random: pending.random,
          });
      document.body = sampleDocumentText(text);
    }
  }

  const placeholders = linkReferences(plan, texts);
  const loaded = await loadDocumentPlan(trx, plan);
  return {
    documents: plan.documents.length,
    placeholders,
    relations: loaded.relations,
    cascades: loaded.cascadeIds.length,
    targets: loaded.targets,
    terms: 4 + orgs.communes.length,
  };
}
