// What a person should know about how an upload was read, in their language: a scan without text, text
// converted from a legacy encoding, header fields that could not be read, codes not in the tables.
import type { Locale } from "@namro/contracts";
import type { DocumentHeader } from "@namro/domain";
import { MAX_PDF_TEXT_PAGES } from "../../platform/text-files/pdf-text.ts";
import type { ReadFile, ReadingNote } from "../../platform/text-files/text-file-reader.ts";

type Text = Record<Locale, string>;

const READING: Record<Exclude<ReadingNote, "TEXT_FROM_FIRST_PAGES">, Text> = {
  NO_TEXT_LAYER: {
    vi: "Tệp PDF không có lớp chữ (bản quét): tệp vẫn được lưu nhưng không tìm kiếm được nội dung và không tìm được văn bản được trích dẫn. Hãy nhập các thông tin của văn bản.",
    en: "The PDF has no text layer (a scan): it is kept, but its content cannot be searched and no cited documents can be found. Enter the document's details.",
  },
  NO_TEXT: {
    vi: "Tệp không có nội dung chữ. Hãy nhập các thông tin của văn bản.",
    en: "The file contains no text. Enter the document's details.",
  },
  LEGACY_ENCODING_CONVERTED: {
    vi: "Nội dung được chuyển từ bảng mã cũ (TCVN3/VNI) sang Unicode. Hãy kiểm tra lại chữ có dấu.",
    en: "The text was converted from a legacy encoding (TCVN3/VNI) to Unicode. Check the diacritics.",
  },
};

const firstPagesOnly = (locale: Locale, pageCount: number): string =>
  locale === "vi"
    ? `Tệp PDF có ${pageCount} trang; chỉ đọc chữ của ${MAX_PDF_TEXT_PAGES} trang đầu để tìm kiếm và tìm trích dẫn.`
    : `The PDF has ${pageCount} pages; the text of the first ${MAX_PDF_TEXT_PAGES} only is read for search and references.`;

const IMAGE: Text = {
  vi: "Ảnh được lưu làm tệp đính kèm; chữ trong ảnh không được đọc. Hãy nhập các thông tin của văn bản.",
  en: "The image is kept as an attachment; text in images is not read. Enter the document's details.",
};

const FIELD_LABELS: Record<"number" | "type" | "issuedOn" | "subject", Text> = {
  number: { vi: "số văn bản", en: "number" },
  type: { vi: "loại văn bản", en: "type" },
  issuedOn: { vi: "ngày ban hành", en: "date" },
  subject: { vi: "trích yếu", en: "subject" },
};

const missingFields = (locale: Locale, labels: string[]): string =>
  locale === "vi"
    ? `Chưa đọc được từ phần đầu văn bản: ${labels.join(", ")}. Hãy nhập các mục này.`
    : `Not found in the document's header: ${labels.join(", ")}. Enter them.`;

export interface HeaderChecks {
  /** The proposed type is in the register's table (or no type was proposed). */
  typeKnown: boolean;
  /** Party issuer codes of the number that are not in the table. */
  unknownIssuers: string[];
  isParty: boolean;
}

export function uploadNotes(
  locale: Locale,
  read: ReadFile,
  header: DocumentHeader,
  checks: HeaderChecks,
): string[] {
  const notes = read.notes.map((note) =>
    note === "TEXT_FROM_FIRST_PAGES" ? firstPagesOnly(locale, read.pageCount ?? 0) : READING[note][locale],
  );
  if (read.kind === "image") notes.push(IMAGE[locale]);
  if (read.text === "") return notes;
  const missing = [
    header.number === null ? FIELD_LABELS.number : null,
    header.typeAbbreviation === null ? FIELD_LABELS.type : null,
    header.issuedOn === null ? FIELD_LABELS.issuedOn : null,
    header.subject === null ? FIELD_LABELS.subject : null,
  ].flatMap((label) => (label ? [label[locale]] : []));
  if (missing.length > 0) notes.push(missingFields(locale, missing));
  if (!checks.typeKnown) {
    notes.push(
      locale === "vi"
        ? `Loại văn bản “${header.typeAbbreviation}” chưa có trong danh mục; hãy chọn loại văn bản.`
        : `The type “${header.typeAbbreviation}” is not in the list; choose the type.`,
    );
  }
  if (checks.isParty && checks.unknownIssuers.length > 0) {
    const codes = checks.unknownIssuers.join(", ");
    notes.push(
      locale === "vi"
        ? `Mã cơ quan ban hành chưa có trong danh mục: ${codes}.`
        : `Issuer codes not in the list: ${codes}.`,
    );
  }
  return notes;
}
