import { describe, expect, it } from "vitest";
import { maskSensitiveDetails, presentAuditEntry } from "./audit.presenter.ts";
import type { AuditListRow } from "./audit.repository.ts";

const row: AuditListRow = {
  id: 1,
  occurredAt: new Date("2026-01-02T03:04:05Z"),
  actorId: 7,
  actorName: "Cán bộ",
  action: "member.update",
  entityType: "member",
  entityId: "42",
  orgId: 3,
  orgPath: "1.2.3",
  orgName: "Chi bộ 1",
  before: { citizenId: "001190012345", religion: "Phật giáo", fullName: "Lê Văn A" },
  after: { citizenId: null, religion: "Không", discipline: "Khiển trách", fullName: "Lê Văn B" },
};

describe("audit details masking", () => {
  it("masks citizen IDs and hides religion and discipline for readers without member.sensitive", () => {
    const entry = presentAuditEntry(row, false);
    expect(entry.before).toEqual({ citizenId: "00119*****45", religion: null, fullName: "Lê Văn A" });
    expect(entry.after).toEqual({ citizenId: null, religion: null, discipline: null, fullName: "Lê Văn B" });
  });

  it("shows them to readers with member.sensitive", () => {
    expect(presentAuditEntry(row, true).before).toEqual(row.before);
  });

  it("masks at any depth (import rows nest records) and leaves other values alone", () => {
    expect(
      maskSensitiveDetails({
        rows: [{ record: { citizen_id: "079085000111", religion: "Công giáo" } }],
        count: 2,
      }),
    ).toEqual({ rows: [{ record: { citizen_id: "07908*****11", religion: null } }], count: 2 });
    expect(maskSensitiveDetails("text")).toBe("text");
    expect(maskSensitiveDetails(null)).toBeNull();
  });
});
