// The plan check over HTTP: pasted text and uploaded files read for their tasks, the clears graded with
// their reasons and spans, units matched to the committee's organisations, every bad input refused with
// its code, and nothing stored.
import type { PlanCheck } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  docxBytes,
  oleBytes,
  pngBytes,
  scannedPdfBytes,
  textPdfBytes,
} from "../../../test/document-fixtures.ts";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { multipartFile } from "../../../test/multipart.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let staff: TestSession; // committee_staff over the province
let otherStaff: TestSession; // committee_staff of another province
let organisationCommission: number;

const PLAN = [
  "KẾ HOẠCH",
  "Thực hiện công tác xây dựng Đảng năm 2026",
  "II. NHIỆM VỤ, GIẢI PHÁP",
  "1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy xây dựng đề án sắp xếp tổ chức bộ máy, trình Ban Thường vụ trước ngày 30/6/2026.",
  "2. Các cơ quan liên quan tăng cường công tác kiểm tra, giám sát thường xuyên.",
  "3. Văn phòng Tỉnh ủy kiểm tra 100% chi bộ trong quý III/2026.",
].join("\n");

beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-15T03:00:00Z" });
  const db = t.database.db;
  p = await createProvince(db);
  organisationCommission = (
    await createOrg(db, p.province, { name: "Ban Tổ chức Tỉnh ủy", typeCode: "ban_to_chuc" })
  ).id;
  const other = await createOrg(db, null, { typeCode: "tinh_uy" });
  staff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  otherStaff = await t.actor([{ role: "committee_staff", orgId: other.id }]);
});
afterAll(async () => {
  await t.close();
});

const checkText = (session: TestSession | null, payload: unknown) =>
  t.call(session, { method: "POST", url: "/api/plan-checks", payload: payload as object });

const checkFile = (session: TestSession | null, fileName: string, bytes: Buffer, orgId?: number) =>
  t.call(session, {
    method: "POST",
    url: `/api/plan-checks/file${orgId ? `?orgId=${orgId}` : ""}`,
    ...multipartFile(fileName, bytes),
  });

async function counts() {
  const { rows } = await sql<{ uploads: number; audits: number; tasks: number }>`
    SELECT (SELECT count(*)::int FROM document_uploads) AS uploads,
           (SELECT count(*)::int FROM audit_log) AS audits,
           (SELECT count(*)::int FROM tasks) AS tasks`.execute(t.database.db);
  return rows[0];
}

const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe("POST /api/plan-checks", () => {
  it("asks to sign in", async () => {
    const response = await checkText(null, { text: PLAN });
    expect(response.statusCode).toBe(401);
  });

  it("names the bad fields", async () => {
    const response = await checkText(staff, { text: 12, orgId: "province" });
    expect(response.statusCode).toBe(400);
    const paths = (JSON.parse(response.body) as { error: { issues: { path: string }[] } }).error.issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(expect.arrayContaining(["body.text", "body.orgId"]));
  });

  it("answers 404 for a committee outside the actor's scope", async () => {
    const response = await checkText(otherStaff, { text: PLAN, orgId: p.province.id });
    expect(response.statusCode).toBe(404);
    expect(codeOf(response.body)).toBe("ORG_NOT_FOUND");
  });

  it("reads each task with its clears, the words found and the units matched, and stores nothing", async () => {
    const before = await counts();
    const response = await checkText(staff, { text: PLAN, orgId: p.province.id });
    expect(response.statusCode, response.body).toBe(200);
    const check = response.json() as PlanCheck;
    expect(await counts()).toEqual(before);
    expect(check.org).toEqual({ id: p.province.id, name: p.province.name });
    expect(check.clears.map((c) => c.key)).toEqual(["person", "job", "time", "responsibility", "result"]);
    expect(check.tasks).toHaveLength(3);
    for (const task of check.tasks) {
      expect(check.text.slice(task.start, task.end)).toBe(task.text);
      for (const clear of task.clears)
        for (const span of clear.spans) expect(check.text.slice(span.start, span.end)).toBe(span.text);
    }

    const [first, second, third] = check.tasks;
    expect(first?.label).toBe("1.");
    expect(first?.leads.map((u) => u.name)).toEqual(["Ban Tổ chức Tỉnh ủy"]);
    expect(first?.support.map((u) => u.name)).toEqual(["Văn phòng Tỉnh ủy"]);
    // each unit name once, with what it matched and its candidates
    const unit = (name: string) => check.units.find((u) => u.name === name);
    expect(check.units.map((u) => u.name)).toEqual(["Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy"]);
    expect(unit("Ban Tổ chức Tỉnh ủy")?.orgId).toBe(organisationCommission);
    expect(unit("Văn phòng Tỉnh ủy")?.orgId).toBe(p.office.id);
    expect(unit("Văn phòng Tỉnh ủy")?.candidates[0]).toMatchObject({
      id: p.office.id,
      name: "Văn phòng Tỉnh ủy",
    });
    expect(first?.deadline).toBe("2026-06-30");
    expect(first?.clears.every((c) => c.grade === "present")).toBe(true);
    expect(first?.draft).toMatchObject({
      leadOrgId: organisationCommission,
      supportOrgIds: [p.office.id],
      dueDate: "2026-06-30",
      schedule: "once",
      reportFrequency: null,
    });

    const time = second?.clears.find((c) => c.key === "time");
    expect(time).toMatchObject({ grade: "weak", spans: [{ text: "thường xuyên" }] });
    expect(time?.reason).toBe("TIME_CONTINUOUS");
    expect(check.reasons.TIME_CONTINUOUS?.vi).toContain("thường xuyên");
    expect(Object.keys(check.reasons).sort()).toEqual(
      [...new Set(check.tasks.flatMap((task) => task.clears.map((c) => c.reason)))].sort(),
    );
    // a generic unit ("các cơ quan liên quan") is not looked up
    expect(second?.leads[0]).toMatchObject({ generic: true });
    expect(second?.clears.find((c) => c.key === "result")?.grade).toBe("missing");
    expect(second?.draft).toMatchObject({ schedule: "continuous", reportFrequency: null, dueDate: null });

    expect(third?.draft).toMatchObject({
      leadOrgId: p.office.id,
      dueDate: "2026-09-30",
      targetValue: 100,
      targetUnit: "% chi bộ",
    });
    expect(check.summary).toMatchObject({ tasks: 3, complete: 2 });
    expect(check.summary.perClear.find((c) => c.key === "time")).toEqual({
      key: "time",
      present: 2,
      weak: 1,
      missing: 0,
    });
  });

  it("leaves a unit it cannot tell unmatched, with its candidates, and without a committee matches nothing under one", async () => {
    const db = t.database.db;
    await createOrg(db, p.communeA, { name: "Ban Xây dựng Đảng xã A", typeCode: "dang_uy_xa" });
    await createOrg(db, p.communeB, { name: "Ban Xây dựng Đảng xã B", typeCode: "dang_uy_xa" });
    const text = "1. Ban Xây dựng Đảng chủ trì tổng kết, báo cáo kết quả trước ngày 15/12/2026.";
    const check = (await checkText(staff, { text, orgId: p.province.id })).json() as PlanCheck;
    const lead = check.units.find((u) => u.name === check.tasks[0]?.leads[0]?.name);
    expect(lead?.orgId).toBeNull();
    expect(lead?.candidates.map((c) => c.name).sort()).toEqual([
      "Ban Xây dựng Đảng xã A",
      "Ban Xây dựng Đảng xã B",
    ]);
    expect(check.tasks[0]?.draft.leadOrgId).toBeNull();
  });

  it("says when there is no text, no task or too much text", async () => {
    const empty = await checkText(staff, { text: "  \n " });
    expect([empty.statusCode, codeOf(empty.body)]).toEqual([400, "PLAN_CHECK_EMPTY"]);
    const none = await checkText(staff, { text: "Kính gửi các đồng chí.\nTrân trọng." });
    expect([none.statusCode, codeOf(none.body)]).toEqual([422, "PLAN_CHECK_NO_TASKS"]);
    expect(JSON.parse(none.body).error.message).toContain("Không tìm thấy nhiệm vụ");
    const long = await checkText(staff, { text: "1. Văn phòng báo cáo. ".repeat(14_000) });
    expect([long.statusCode, codeOf(long.body)]).toEqual([413, "PLAN_CHECK_TOO_LONG"]);
    expect(JSON.parse(long.body).error.message).toContain("300.000");
  });
});

describe("POST /api/plan-checks/file", () => {
  it("asks to sign in", async () => {
    const response = await checkFile(null, "ke-hoach.txt", Buffer.from(PLAN));
    expect(response.statusCode).toBe(401);
  });

  it("names a bad query field and a missing file", async () => {
    const bad = await t.call(staff, {
      method: "POST",
      url: "/api/plan-checks/file?orgId=abc",
      ...multipartFile("ke-hoach.txt", Buffer.from(PLAN)),
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.issues[0].path).toBe("querystring.orgId");
    const missing = await t.call(staff, { method: "POST", url: "/api/plan-checks/file", payload: {} });
    expect([missing.statusCode, codeOf(missing.body)]).toEqual([400, "PLAN_CHECK_FILE_MISSING"]);
  });

  it("answers 404 for a committee outside the actor's scope", async () => {
    const response = await checkFile(otherStaff, "ke-hoach.txt", Buffer.from(PLAN), p.province.id);
    expect(response.statusCode).toBe(404);
  });

  it("reads a .docx's task table and a .txt, storing nothing", async () => {
    const before = await counts();
    const docx = docxBytes([
      "KẾ HOẠCH",
      "Thực hiện Kết luận năm 2026",
      {
        table: [
          [
            "TT",
            "Nội dung nhiệm vụ",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian hoàn thành",
            "Sản phẩm",
          ],
          [
            "1",
            "Rà soát, bổ sung quy hoạch cán bộ",
            "Ban Tổ chức Tỉnh ủy",
            "Văn phòng Tỉnh ủy",
            "Quý II/2026",
            "Báo cáo kết quả",
          ],
          ["2", "Tổng kết công tác dân vận", "UBKT", "", "Tháng 12/2026", "Báo cáo tổng kết"],
        ],
      },
    ]);
    const response = await checkFile(staff, "ke-hoach.docx", docx, p.province.id);
    expect(response.statusCode, response.body).toBe(200);
    const check = response.json() as PlanCheck;
    expect(check.source).toEqual({ kind: "docx", fileName: "ke-hoach.docx", legacyEncoding: false });
    expect(
      check.tasks.map((task) => [task.text, task.deadline, task.draft.leadOrgId, task.draft.dueDate]),
    ).toEqual([
      ["Rà soát, bổ sung quy hoạch cán bộ", "2026-Q2", organisationCommission, "2026-06-30"],
      ["Tổng kết công tác dân vận", "2026-12", null, "2026-12-31"],
    ]);
    expect(check.tasks[0]?.draft.supportOrgIds).toEqual([p.office.id]);

    const txt = await checkFile(staff, "ke-hoach.txt", Buffer.from(PLAN));
    expect(txt.statusCode).toBe(200);
    expect((txt.json() as PlanCheck).tasks).toHaveLength(3);
    expect((txt.json() as PlanCheck).source.kind).toBe("txt");
    expect(await counts()).toEqual(before);
  });

  it("reads a PDF with a text layer", async () => {
    const pdf = await textPdfBytes([
      "KE HOACH",
      "1. Van phong Tinh uy bao cao ket qua truoc ngay 30/6/2026.",
    ]);
    const response = await checkFile(staff, "ke-hoach.pdf", pdf);
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as PlanCheck).source.kind).toBe("pdf");
  });

  it("refuses an old .doc, a scan, an image and an empty file with a clear message", async () => {
    const before = await counts();
    const doc = await checkFile(staff, "ke-hoach.doc", oleBytes());
    expect([doc.statusCode, codeOf(doc.body)]).toEqual([415, "PLAN_CHECK_FILE_UNSUPPORTED"]);
    expect(JSON.parse(doc.body).error.message).toContain(".docx");
    const scan = await checkFile(staff, "ke-hoach.pdf", await scannedPdfBytes(1));
    expect([scan.statusCode, codeOf(scan.body)]).toEqual([422, "PLAN_CHECK_FILE_NO_TEXT"]);
    const image = await checkFile(staff, "ke-hoach.png", pngBytes());
    expect([image.statusCode, codeOf(image.body)]).toEqual([422, "PLAN_CHECK_FILE_NO_TEXT"]);
    const blank = await checkFile(staff, "ke-hoach.docx", docxBytes([""]));
    expect([blank.statusCode, codeOf(blank.body)]).toEqual([422, "PLAN_CHECK_FILE_NO_TEXT"]);
    const empty = await checkFile(staff, "ke-hoach.txt", Buffer.alloc(0));
    expect([empty.statusCode, codeOf(empty.body)]).toEqual([400, "DOCUMENT_FILE_EMPTY"]);
    const noTasks = await checkFile(staff, "thu.txt", Buffer.from("Kính gửi các đồng chí."));
    expect([noTasks.statusCode, codeOf(noTasks.body)]).toEqual([422, "PLAN_CHECK_NO_TASKS"]);
    expect(await counts()).toEqual(before);
  });
});
