// How a document is named on screen. A Party number reads "Số 21-KL/TW" (no colon after "Số"); a
// state document keeps its own form "Số: 30/2020/NĐ-CP" (DOMAIN.md §3). An unnumbered document is
// named by its citation ("Nghị quyết Trung ương 4 (khóa XII)"). The English interface writes "No."
// where Vietnamese writes "Số"; the symbol itself never changes.
import type { DocumentSummary } from "@namro/contracts";
import { useTranslation } from "react-i18next";

type Named = Pick<DocumentSummary, "system" | "symbol" | "citation" | "typeName">;
type Language = "vi" | "en";

/** "Số 21-KL/TW", "Số: 30/2020/NĐ-CP" ("No. 21-KL/TW" in English), or null without a number. */
export function displaySymbol(
  document: Pick<DocumentSummary, "system" | "symbol">,
  language: Language = "vi",
): string | null {
  if (!document.symbol) return null;
  if (language === "en") return `No. ${document.symbol}`;
  return document.system === "state" ? `Số: ${document.symbol}` : `Số ${document.symbol}`;
}

/**
 * The name used in running text, lists and links: "Kết luận số 21-KL/TW" ("Conclusion No. 21-KL/TW"
 * with the English type name), the citation of an unnumbered one, or its type alone as a last resort.
 */
export function documentName(document: Named, language: Language = "vi"): string {
  if (document.symbol) return `${document.typeName} ${language === "en" ? "No." : "số"} ${document.symbol}`;
  if (document.citation) return document.citation;
  return document.typeName;
}

/**
 * Who the document comes from, to tell apart documents of the same name (every commune's "Kế hoạch số
 * 06-KH/ĐU"): its issuing organisation, else the organisation holding it.
 */
export function documentOrigin(document: Pick<DocumentSummary, "issuingOrgName" | "ownerOrgName">): string {
  return document.issuingOrgName ?? document.ownerOrgName;
}

/** Both namers in the interface's language. */
export function useDocumentNaming() {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === "en" ? "en" : "vi";
  return {
    nameOf: (document: Named) => documentName(document, language),
    symbolOf: (document: Pick<DocumentSummary, "system" | "symbol">) => displaySymbol(document, language),
  };
}
