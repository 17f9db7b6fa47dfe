import { describe, expect, it } from "vitest";
import { changesOf, resolveConflict } from "../../lib/edit-changes.ts";
import { memberUpdateBody } from "./member-edit.ts";

const opened = {
  fullName: "Lã Thị Thử",
  occupation: "Giáo viên",
  awards: null as string | null,
  birthDate: "1988-04-12",
};

describe("memberUpdateBody", () => {
  it("lays only the changed fields over the saved record, with the saved version", () => {
    const changes = changesOf(opened, { ...opened, occupation: "Kỹ sư" });
    expect(memberUpdateBody(opened, changes, 3)).toEqual({ ...opened, occupation: "Kỹ sư", version: 3 });
  });

  it("keeps the other person's value in a field only they changed when mine is kept after a conflict", () => {
    // A changed only the occupation; B changed the occupation and the awards, and saved first.
    const mine = { ...opened, occupation: "Kỹ sư xây dựng" };
    const theirs = { ...opened, occupation: "Bác sĩ", awards: "Huy hiệu 30 năm tuổi Đảng" };
    const { conflicting, takeTheirs } = resolveConflict(opened, mine, theirs);
    expect(conflicting).toEqual(["occupation"]);
    expect(takeTheirs).toEqual(["awards"]);
    // The form takes B's awards; A keeps their occupation and saves against B's version.
    const form = { ...mine, awards: theirs.awards };
    const body = memberUpdateBody(theirs, changesOf(theirs, form), 4);
    expect(body).toEqual({
      ...opened,
      occupation: "Kỹ sư xây dựng",
      awards: "Huy hiệu 30 năm tuổi Đảng",
      version: 4,
    });
  });

  it("does not put back a stale value for a field the person left alone", () => {
    const theirs = { ...opened, fullName: "Lã Thị Thử Hồ Sơ" };
    // A's form still shows the old name but A changed only the birth date.
    const changes = changesOf(opened, { ...opened, birthDate: "1988-04-13" });
    expect(memberUpdateBody(theirs, changes, 5)).toEqual({
      ...theirs,
      birthDate: "1988-04-13",
      version: 5,
    });
  });
});
