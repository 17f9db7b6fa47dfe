export * from "./dates.ts";
export * from "./party-documents/document-number.ts";
export * from "./party-documents/document-types.ts";
export * from "./party-documents/reference-extractor.ts";
export * from "./party-documents/roman-numerals.ts";
export * from "./vietnamese-text.ts";
