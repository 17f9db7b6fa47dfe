import { describe, expect, it } from "vitest";
import { changedFields, changesOf, resolveConflict } from "./edit-changes.ts";

const opened: {
  subject: string;
  signer: string;
  recipientOrgIds: number[];
  number: string | null | undefined;
} = { subject: "Về công tác", signer: "Nguyễn Văn A", recipientOrgIds: [1, 2], number: null };

describe("changesOf", () => {
  it("keeps only the fields that differ from the opened values", () => {
    const current = { ...opened, subject: "Về công tác cán bộ" };
    expect(changesOf(opened, current)).toEqual({ subject: "Về công tác cán bộ" });
    expect(changedFields(opened, current)).toEqual(["subject"]);
  });

  it("sees a field set in the form that the opened values did not have", () => {
    const sparse: { subject: string; religion?: string } = { subject: "Về công tác" };
    expect(changesOf(sparse, { ...sparse, religion: "Phật giáo" })).toEqual({ religion: "Phật giáo" });
    expect(resolveConflict(sparse, sparse, { ...sparse, religion: "Công giáo" })).toEqual({
      conflicting: [],
      takeTheirs: ["religion"],
    });
  });

  it("compares arrays by value and treats undefined like null", () => {
    const current = { ...opened, recipientOrgIds: [1, 2], number: undefined };
    expect(changesOf(opened, current)).toEqual({});
    expect(changesOf(opened, { ...opened, recipientOrgIds: [1, 2, 3] })).toEqual({
      recipientOrgIds: [1, 2, 3],
    });
  });
});

describe("resolveConflict", () => {
  it("takes the other person's value for a field only they changed", () => {
    const mine = { ...opened, subject: "A's subject" };
    const theirs = { ...opened, subject: "B's subject", signer: "Trần Thị B" };
    expect(resolveConflict(opened, mine, theirs)).toEqual({
      conflicting: ["subject"],
      takeTheirs: ["signer"],
    });
  });

  it("keeps a field only I changed and asks about nothing when we changed different fields", () => {
    const mine = { ...opened, signer: "Lê Văn C" };
    const theirs = { ...opened, subject: "B's subject" };
    expect(resolveConflict(opened, mine, theirs)).toEqual({ conflicting: [], takeTheirs: ["subject"] });
  });

  it("does not ask when both changed a field to the same value", () => {
    const both = { ...opened, subject: "Same" };
    expect(resolveConflict(opened, both, { ...both })).toEqual({ conflicting: [], takeTheirs: [] });
  });
});
