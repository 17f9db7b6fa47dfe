// Select options built from the reference data: types by abbreviation (Quyết định and Quy định share
// "QĐ", so the filter offers the abbreviation once) or by row (forms pick one type), issuers by code.
import type { DocumentIssuer, DocumentType } from "@namro/contracts";

function byOrder<T extends { sortOrder: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.sortOrder - b.sortOrder);
}

/** One option per abbreviation, Party types first: "KL — Kết luận", "QĐ — Quyết định, Quy định". */
export function typeAbbreviationOptions(types: readonly DocumentType[], english: boolean) {
  const names = new Map<string, string[]>();
  for (const type of byOrder(types)) {
    const list = names.get(type.abbreviation) ?? [];
    const name = english && type.nameEn ? type.nameEn : type.nameVi;
    if (!list.includes(name)) list.push(name);
    names.set(type.abbreviation, list);
  }
  return [...names].map(([abbreviation, list]) => ({
    value: abbreviation,
    label: `${abbreviation} — ${list.join(", ")}`,
  }));
}

/** One option per type row, grouped by system, legacy types left out unless already chosen. */
export function typeOptions(types: readonly DocumentType[], english: boolean, chosenId?: number | null) {
  const label = (type: DocumentType) =>
    `${english && type.nameEn ? type.nameEn : type.nameVi} (${type.abbreviation})`;
  const usable = byOrder(types).filter((type) => !type.legacy || type.id === chosenId);
  return (["party", "state"] as const)
    .map((system) => ({
      system,
      options: usable
        .filter((type) => type.system === system)
        .map((type) => ({ value: type.id, label: label(type) })),
    }))
    .filter((group) => group.options.length > 0);
}

/** "TW — Ban Chấp hành Trung ương, …"; legacy codes stay (old documents carry them). */
export function issuerOptions(issuers: readonly DocumentIssuer[], english: boolean) {
  return byOrder(issuers).map((issuer) => ({
    value: issuer.code,
    label: `${issuer.code} — ${english && issuer.nameEn ? issuer.nameEn : issuer.nameVi}`,
  }));
}
