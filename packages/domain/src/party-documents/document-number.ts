// Document numbers. Party: "Số 21-KL/TW" (number, type, issuer codes joined by "-"; below 10 with a
// leading zero; no colon after "Số"). State documents cited by Party ones: "30/2020/NĐ-CP",
// "1234/QĐ-UBND". Parsing returns a reason instead of throwing, so callers can show a catalogued message.

import { DEFAULT_DOCUMENT_TABLES, type DocumentTables } from "./document-types.ts";

export interface PartyDocumentNumber {
  /** Digits as written: "21", "05". */
  number: string;
  type: string;
  /** Lead body first for joint documents: ["BTCTU", "BDVTU"]. */
  issuers: string[];
}

export interface StateDocumentNumber {
  number: string;
  /** The year part of "30/2020/NĐ-CP"; null in "1234/QĐ-UBND". */
  year: number | null;
  type: string;
  issuers: string[];
}

export type DocumentNumberFailure =
  | "empty"
  | "malformed"
  | "invalid-number"
  | "unknown-type"
  | "unknown-issuer";

export type DocumentNumberResult<T> = { ok: true; value: T } | { ok: false; reason: DocumentNumberFailure };

/** An issuer or type code: a capital (Đ included) then letters; "ThU", "TTr", "QĐi" have small letters. */
const CODE = "[A-ZĐ][A-Za-zĐđ0-9]{0,15}";
const PREFIX = /^(?:[Ss][ốo]\s*:?\s*)?/;
const PARTY_SHAPE = new RegExp(`^(\\d{1,6})-(${CODE})/(${CODE}(?:-${CODE})*)$`);
const STATE_SHAPE = new RegExp(`^(\\d{1,6})(?:/(\\d{4}))?/(${CODE})-(${CODE}(?:-${CODE})*)$`);

function stripPrefix(input: string): string {
  return input.normalize("NFC").trim().replace(PREFIX, "").trim();
}

/** "Số 21-KL/TW", "21-KL/TW", "05-QC/BTCTU-BDVTU" → parts; types and issuers checked against the tables. */
export function parseDocumentNumber(
  input: string,
  tables: DocumentTables = DEFAULT_DOCUMENT_TABLES,
): DocumentNumberResult<PartyDocumentNumber> {
  const text = stripPrefix(input);
  if (text === "") return { ok: false, reason: "empty" };
  const match = PARTY_SHAPE.exec(text);
  if (!match) return { ok: false, reason: "malformed" };
  const [, number = "", type = "", issuerText = ""] = match;
  if (Number(number) === 0) return { ok: false, reason: "invalid-number" };
  if (!tables.partyTypes.some((entry) => entry.abbreviation === type))
    return { ok: false, reason: "unknown-type" };
  const issuers = issuerText.split("-");
  const known = new Set(tables.partyIssuers.map((entry) => entry.code));
  if (!issuers.every((code) => known.has(code))) return { ok: false, reason: "unknown-issuer" };
  return { ok: true, value: { number, type, issuers } };
}

/** "05" for 5, "21" for 21: the number as it appears in a symbol. */
export function padDocumentNumber(number: string | number): string {
  const value = typeof number === "number" ? number : Number.parseInt(number, 10);
  return String(value).padStart(2, "0");
}

/** "21-KL/TW" (without "Số"). */
export function formatDocumentSymbol(parts: PartyDocumentNumber): string {
  return `${padDocumentNumber(parts.number)}-${parts.type}/${parts.issuers.join("-")}`;
}

/** "Số 21-KL/TW", as shown under the issuing body. */
export function formatDocumentNumber(parts: PartyDocumentNumber): string {
  return `Số ${formatDocumentSymbol(parts)}`;
}

/** "Số: 30/2020/NĐ-CP", "1234/QĐ-UBND" → parts; the type must be a state type, issuers are free codes. */
export function parseStateDocumentNumber(
  input: string,
  tables: DocumentTables = DEFAULT_DOCUMENT_TABLES,
): DocumentNumberResult<StateDocumentNumber> {
  const text = stripPrefix(input);
  if (text === "") return { ok: false, reason: "empty" };
  const match = STATE_SHAPE.exec(text);
  if (!match) return { ok: false, reason: "malformed" };
  const [, number = "", year, type = "", issuerText = ""] = match;
  if (Number(number) === 0) return { ok: false, reason: "invalid-number" };
  if (!tables.stateTypes.some((entry) => entry.abbreviation === type))
    return { ok: false, reason: "unknown-type" };
  return {
    ok: true,
    value: { number, year: year === undefined ? null : Number(year), type, issuers: issuerText.split("-") },
  };
}

/** "30/2020/NĐ-CP" or "1234/QĐ-UBND"; the number is kept as written (state numbers are not padded). */
export function formatStateDocumentNumber(parts: StateDocumentNumber): string {
  const year = parts.year === null ? "" : `/${parts.year}`;
  return `${parts.number}${year}/${parts.type}-${parts.issuers.join("-")}`;
}
