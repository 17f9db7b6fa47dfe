import { describe, expect, it } from "vitest";
import { emptyPlan } from "../../apps/api/src/seed/member-plan.ts";
import { copyText, copyValue } from "./member-copy.ts";

describe("COPY text of the import baseline", () => {
  it("escapes what COPY's text format reads as special, and writes null as \\N", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue(undefined)).toBe("\\N");
    expect(copyValue("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyValue("Nguyễn Thị Hoà")).toBe("Nguyễn Thị Hoà");
    expect(copyValue(42)).toBe("42");
  });

  it("numbers members from the base and points their cell rows at them", () => {
    const plan = emptyPlan();
    const m = plan.members as unknown as Record<string, unknown[]>;
    for (const key of Object.keys(m)) m[key] = [key === "orgId" ? 7 : null];
    plan.members.fullName[0] = "Lê Văn A";
    plan.cells = { member: [0], orgId: [7], validFrom: ["2020-01-02"], validTo: [null], event: [null] };
    const text = copyText(plan, 1001);
    const fields = text.members.trimEnd().split("\t");
    expect(fields).toHaveLength(24);
    expect(fields.slice(0, 3)).toEqual(["1001", "7", "Lê Văn A"]);
    expect(text.cells).toBe("1001\t7\t2020-01-02\t\\N\t\\N\n");
  });
});
