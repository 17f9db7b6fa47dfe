import type { FoundReference, ProposedHeader } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { initialChoices, isOwnNumber } from "./reference-choices.ts";

const header: ProposedHeader = {
  typeId: 13,
  typeAbbreviation: "KH",
  number: "12",
  issuerCodes: ["TU"],
  place: "Bắc Ninh",
  issuedOn: "2026-02-05",
  subject: "thực hiện Kết luận số 21-KL/TW",
  signer: "Nguyễn Văn Hùng",
};

function reference(text: string, parts: Partial<FoundReference>): FoundReference {
  return {
    text,
    start: 0,
    end: text.length,
    system: "party",
    type: "KL",
    number: "21",
    issuer: "TW",
    date: null,
    plenum: null,
    term: null,
    congress: null,
    matched: false,
    document: null,
    proposedKind: "implements",
    ...parts,
  };
}

describe("isOwnNumber", () => {
  it("recognises the header's own number, with or without its leading zero", () => {
    expect(isOwnNumber(reference("12-KH/TU", { type: "KH", number: "12", issuer: "TU" }), header)).toBe(true);
    expect(
      isOwnNumber(reference("05-KH/TU", { type: "KH", number: "05", issuer: "TU" }), {
        ...header,
        number: "5",
      }),
    ).toBe(true);
  });

  it("does not take another document for it", () => {
    expect(isOwnNumber(reference("Kết luận số 21-KL/TW", {}), header)).toBe(false);
    expect(isOwnNumber(reference("12-KH/ĐU", { type: "KH", number: "12", issuer: "ĐU" }), header)).toBe(
      false,
    );
    expect(isOwnNumber(reference("12-KH/TU", { type: "KH", number: "12", issuer: "TU" }), null)).toBe(false);
    expect(
      isOwnNumber(
        reference("12/QĐ-UBND", { system: "state", type: "KH", number: "12", issuer: "TU" }),
        header,
      ),
    ).toBe(false);
  });
});

describe("initialChoices", () => {
  it("keeps every reference with its proposed kind, except the document's own number", () => {
    const choices = initialChoices(
      [
        reference("12-KH/TU", { type: "KH", number: "12", issuer: "TU", proposedKind: "refers_to" }),
        reference("Kết luận số 21-KL/TW", { proposedKind: "implements" }),
      ],
      header,
    );
    expect(choices).toEqual([
      { keep: false, kind: "refers_to" },
      { keep: true, kind: "implements" },
    ]);
  });
});
