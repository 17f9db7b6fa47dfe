// Every code the registry shows has words in both languages, and the list's address round-trips.
import {
  AgeBandSchema,
  MEMBER_COLUMNS,
  MemberActivitySchema,
  MemberEventKindSchema,
  MemberEventStateSchema,
  MemberImportMatchDecisionSchema,
  MemberImportMatchKindSchema,
  MemberImportRowOutcomeSchema,
  MemberImportStatusSchema,
  MemberStatusSchema,
  PostKindSchema,
  ProfessionalEducationSchema,
  TheoryLevelSchema,
} from "@namro/contracts";
import { describe, expect, it } from "vitest";
import en from "../../i18n/en.json";
import vi from "../../i18n/vi.json";
import { applyPatch, validateMembersSearch } from "./members-search.ts";

type Tree = { [key: string]: string | Tree };
function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object") return false;
    node = node[part];
  }
  return typeof node === "string" && node.trim() !== "";
}

describe("member registry labels", () => {
  const keys = [
    ...MemberStatusSchema.options.map((v) => `members.status.${v}`),
    ...MemberActivitySchema.options.map((v) => `members.activity.${v}`),
    ...AgeBandSchema.options.map((v) => `members.ageBand.${v}`),
    ...ProfessionalEducationSchema.options.map((v) => `members.education.${v}`),
    ...TheoryLevelSchema.options.map((v) => `members.theory.${v}`),
    ...PostKindSchema.options.map((v) => `members.postKind.${v}`),
    ...MemberEventKindSchema.options.map((v) => `members.eventKind.${v}`),
    ...MemberEventStateSchema.options.map((v) => `members.eventState.${v}`),
    ...MEMBER_COLUMNS.map((column) => `members.fields.${column.field}`),
    ...MemberImportStatusSchema.options.map((v) => `memberImport.working.${v}`),
    ...MemberImportMatchDecisionSchema.options.flatMap((v) => [
      `memberImport.decision.${v}`,
      `memberImport.decisionHelp.${v}`,
    ]),
    ...MemberImportMatchKindSchema.options.map((v) => `memberImport.matchKind.${v}`),
    ...MemberImportRowOutcomeSchema.options.map((v) => `memberImport.outcome.${v}`),
  ];

  it("names every status, level, event, field and import outcome in Vietnamese and English", () => {
    expect(keys.filter((key) => !has(vi as Tree, key))).toEqual([]);
    expect(keys.filter((key) => !has(en as Tree, key))).toEqual([]);
  });
});

describe("members list address", () => {
  it("keeps known filters, reads numbers typed in the search box as text, drops the rest", () => {
    expect(
      validateMembersSearch({
        q: 123456,
        orgId: "12",
        status: "full,probationary",
        sex: "other",
        asOf: "2024-13",
        sort: "-birthDate",
        page: 3,
        extra: "x",
      }),
    ).toEqual({ q: "123456", orgId: 12, status: "full,probationary", sort: "-birthDate", page: 3 });
  });

  it("removes a filter set to undefined", () => {
    expect(applyPatch({ q: "hoa", orgId: 3, page: 4 }, { orgId: undefined, page: undefined })).toEqual({
      q: "hoa",
    });
  });
});
