// How a document is named on screen. A Party number reads "Số 21-KL/TW" (no colon after "Số"); a
// state document keeps its own form "Số: 30/2020/NĐ-CP" (DOMAIN.md §3). An unnumbered document is
// named by its citation ("Nghị quyết Trung ương 4 (khóa XII)").
import type { DocumentSummary } from "@namro/contracts";

type Named = Pick<DocumentSummary, "system" | "symbol" | "citation" | "typeName">;

/** "Số 21-KL/TW", "Số: 30/2020/NĐ-CP", or null when the document has no number. */
export function displaySymbol(document: Pick<DocumentSummary, "system" | "symbol">): string | null {
  if (!document.symbol) return null;
  return document.system === "state" ? `Số: ${document.symbol}` : `Số ${document.symbol}`;
}

/**
 * The name used in running text, lists and links: "Kết luận số 21-KL/TW", "Nghị định số
 * 30/2020/NĐ-CP", the citation of an unnumbered one, or its type alone as a last resort.
 */
export function documentName(document: Named): string {
  if (document.symbol) return `${document.typeName} số ${document.symbol}`;
  if (document.citation) return document.citation;
  return document.typeName;
}
