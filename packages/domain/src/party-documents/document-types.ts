// Default document types and issuer codes (DOMAIN.md §3). They are plain data: the app keeps its own
// copy in the database and passes it in wherever a table is taken, so offices can add a code without a
// release.

import { toSearchKey } from "../vietnamese-text.ts";

export type DocumentSystem = "party" | "state";

export interface DocumentTypeEntry {
  /** As written in a number: "NQ", "QĐ", "TTr", "ĐA". */
  abbreviation: string;
  /** Vietnamese name as written before a number in running text: "Nghị quyết". */
  name: string;
  /** Still recognised in old documents but no longer issued ("QĐi"). */
  legacy?: boolean;
}

export type IssuerLevel = "central" | "province" | "district" | "grassroots";

export interface IssuerEntry {
  code: string;
  name: string;
  level: IssuerLevel;
  /** Recognised in older documents; no longer issues ("ĐUK", the former district committees). */
  legacy?: boolean;
}

export interface DocumentTables {
  partyTypes: readonly DocumentTypeEntry[];
  partyIssuers: readonly IssuerEntry[];
  /** State (government) documents, cited by Party documents: "30/2020/NĐ-CP". */
  stateTypes: readonly DocumentTypeEntry[];
}

export const DEFAULT_PARTY_DOCUMENT_TYPES: readonly DocumentTypeEntry[] = [
  { abbreviation: "NQ", name: "Nghị quyết" },
  { abbreviation: "QĐ", name: "Quyết định" },
  // Since ~2021 Quy định shares the QĐ series; older ones carry "QĐi".
  { abbreviation: "QĐ", name: "Quy định" },
  { abbreviation: "QĐi", name: "Quy định", legacy: true },
  { abbreviation: "CT", name: "Chỉ thị" },
  { abbreviation: "KL", name: "Kết luận" },
  { abbreviation: "QC", name: "Quy chế" },
  { abbreviation: "TT", name: "Thông tri" },
  { abbreviation: "HD", name: "Hướng dẫn" },
  { abbreviation: "TB", name: "Thông báo" },
  { abbreviation: "BC", name: "Báo cáo" },
  { abbreviation: "TTr", name: "Tờ trình" },
  { abbreviation: "KH", name: "Kế hoạch" },
  { abbreviation: "CTr", name: "Chương trình" },
  { abbreviation: "CTHĐ", name: "Chương trình hành động" },
  { abbreviation: "ĐA", name: "Đề án" },
  { abbreviation: "CV", name: "Công văn" },
  { abbreviation: "BB", name: "Biên bản" },
];

export const DEFAULT_PARTY_ISSUERS: readonly IssuerEntry[] = [
  { code: "TW", name: "Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư", level: "central" },
  { code: "UBKTTW", name: "Ủy ban Kiểm tra Trung ương", level: "central" },
  { code: "BTCTW", name: "Ban Tổ chức Trung ương", level: "central" },
  { code: "VPTW", name: "Văn phòng Trung ương Đảng", level: "central" },
  { code: "BTGDVTW", name: "Ban Tuyên giáo và Dân vận Trung ương", level: "central" },
  { code: "BCĐTW", name: "Ban Chỉ đạo Trung ương", level: "central" },
  { code: "BNCTW", name: "Ban Nội chính Trung ương", level: "central" },
  { code: "BTGTW", name: "Ban Tuyên giáo Trung ương", level: "central", legacy: true },
  { code: "BDVTW", name: "Ban Dân vận Trung ương", level: "central", legacy: true },
  { code: "TU", name: "Tỉnh ủy", level: "province" },
  { code: "UBKTTU", name: "Ủy ban Kiểm tra Tỉnh ủy", level: "province" },
  { code: "BTCTU", name: "Ban Tổ chức Tỉnh ủy", level: "province" },
  { code: "VPTU", name: "Văn phòng Tỉnh ủy", level: "province" },
  { code: "BTGDVTU", name: "Ban Tuyên giáo và Dân vận Tỉnh ủy", level: "province" },
  { code: "BNCTU", name: "Ban Nội chính Tỉnh ủy", level: "province" },
  { code: "BTGTU", name: "Ban Tuyên giáo Tỉnh ủy", level: "province", legacy: true },
  { code: "BDVTU", name: "Ban Dân vận Tỉnh ủy", level: "province", legacy: true },
  { code: "HU", name: "Huyện ủy", level: "district", legacy: true },
  { code: "QU", name: "Quận ủy", level: "district", legacy: true },
  { code: "ThU", name: "Thị ủy, Thành ủy", level: "district", legacy: true },
  { code: "ĐU", name: "Đảng ủy", level: "grassroots" },
  { code: "ĐUK", name: "Đảng ủy khối", level: "grassroots", legacy: true },
  { code: "CB", name: "Chi bộ", level: "grassroots" },
  { code: "ĐĐ", name: "Đảng đoàn", level: "grassroots" },
  { code: "BCSĐ", name: "Ban cán sự đảng", level: "grassroots" },
  { code: "BCĐ", name: "Ban Chỉ đạo", level: "grassroots" },
];

export const DEFAULT_STATE_DOCUMENT_TYPES: readonly DocumentTypeEntry[] = [
  { abbreviation: "NĐ", name: "Nghị định" },
  { abbreviation: "QĐ", name: "Quyết định" },
  { abbreviation: "NQ", name: "Nghị quyết" },
  { abbreviation: "NQLT", name: "Nghị quyết liên tịch" },
  { abbreviation: "TT", name: "Thông tư" },
  { abbreviation: "TTLT", name: "Thông tư liên tịch" },
  { abbreviation: "CT", name: "Chỉ thị" },
  { abbreviation: "KH", name: "Kế hoạch" },
  { abbreviation: "TB", name: "Thông báo" },
  { abbreviation: "HD", name: "Hướng dẫn" },
  { abbreviation: "BC", name: "Báo cáo" },
  { abbreviation: "TTr", name: "Tờ trình" },
  { abbreviation: "CV", name: "Công văn" },
];

export const DEFAULT_DOCUMENT_TABLES: DocumentTables = {
  partyTypes: DEFAULT_PARTY_DOCUMENT_TYPES,
  partyIssuers: DEFAULT_PARTY_ISSUERS,
  stateTypes: DEFAULT_STATE_DOCUMENT_TYPES,
};

/** The abbreviation of a type written by name ("Kết luận" → "KL"), Party table first; null if unknown. */
export function typeAbbreviationForName(
  name: string,
  tables: DocumentTables = DEFAULT_DOCUMENT_TABLES,
): string | null {
  const key = toSearchKey(name);
  for (const list of [tables.partyTypes, tables.stateTypes]) {
    const found = list.find((entry) => !entry.legacy && toSearchKey(entry.name) === key);
    if (found) return found.abbreviation;
  }
  return null;
}
