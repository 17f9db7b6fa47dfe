// Evidence files of progress reports over HTTP: the formats taken (told by the bytes), every bad file
// refused with its code and nothing stored, who may add and remove (settled before the file is read),
// an accepted report's evidence frozen, downloads under the exact name.
import type { TaskReport, TaskReportFile, TaskReportsOverview } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxBytes, oleBytes, pngBytes, zipBytes } from "../../../test/document-fixtures.ts";
import { createProvince } from "../../../test/factories.ts";
import { multipartFile } from "../../../test/multipart.ts";
import { simpleWorkbook, zipBombBytes } from "../../../test/spreadsheet-fixtures.ts";
import { createTask } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let reviewer: TestSession; // province staff: assigns, reviews
let reporter: TestSession; // commune A staff: leads, reports
let reader: TestSession; // commune A member: sees, may not report
let outsider: TestSession; // commune B staff: does not see

const MB = 1024 * 1024;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-20T03:00:00Z" });
  p = await createProvince(t.database.db);
  reviewer = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  reporter = await t.actor([{ role: "committee_staff", orgId: p.communeA.id }]);
  reader = await t.actor([{ role: "member", orgId: p.communeA.id }]);
  outsider = await t.actor([{ role: "committee_staff", orgId: p.communeB.id }]);
});
afterAll(async () => {
  await t.close();
});

/** A task of the province led by commune A, with one submitted report. */
async function reportedTask(): Promise<{ taskId: number; report: TaskReport }> {
  const task = await createTask(t.database.db, {
    owner: p.province,
    lead: p.communeA,
    startDate: "2026-01-01",
  });
  const response = await t.call(reporter, {
    method: "POST",
    url: `/api/tasks/${task.id}/reports`,
    payload: { periodKey: "final", percent: 60, narrative: "Đã tổ chức 3 hội nghị." },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { taskId: task.id, report: response.json() as TaskReport };
}

const upload = (session: TestSession | null, taskId: number, reportId: number, name: string, bytes: Buffer) =>
  t.call(session, {
    method: "POST",
    url: `/api/tasks/${taskId}/reports/${reportId}/files`,
    ...multipartFile(name, bytes),
  });

const fileCount = async (reportId: number) =>
  Number(
    (
      await t.database.db
        .selectFrom("taskReportFiles")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("reportId", "=", reportId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("evidence upload", () => {
  it("takes PDF, Word, Excel, images and text, typed by their bytes, and lists them on the report", async () => {
    const { taskId, report } = await reportedTask();
    const files: [string, Buffer, string][] = [
      ["biên bản hội nghị.pdf", PDF, "application/pdf"],
      [
        "bao-cao.docx",
        docxBytes(["BÁO CÁO", "kết quả thực hiện"]),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ],
      [
        "danh-sach.xlsx",
        await simpleWorkbook([["Họ và tên"], ["Nguyễn Văn A"]]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ],
      ["anh-hoi-nghi.png", pngBytes(), "image/png"],
      ["ghi-chu.txt", Buffer.from("Ghi chú: đã họp chi bộ."), "text/plain; charset=utf-8"],
      // A name says nothing: a PDF called .txt is a PDF.
      ["nham-duoi.txt", PDF, "application/pdf"],
    ];
    for (const [name, bytes, mediaType] of files) {
      const response = await upload(reporter, taskId, report.id, name, bytes);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(201);
      expect(response.json()).toMatchObject({ fileName: name, mediaType, sizeBytes: bytes.length });
    }
    const view = (
      await t.call(reporter, { method: "GET", url: `/api/tasks/${taskId}/reports` })
    ).json() as TaskReportsOverview;
    const listed = view.periods[0]?.report?.files ?? [];
    expect(listed.map((file) => file.fileName)).toEqual(files.map(([name]) => name));
    expect(listed[0]?.createdByName).toEqual(expect.any(String));
  });

  it("downloads a file under its exact name, to whoever sees the task", async () => {
    const { taskId, report } = await reportedTask();
    const file = (
      await upload(reporter, taskId, report.id, "Biên bản số 1 (bản gốc).pdf", PDF)
    ).json() as TaskReportFile;
    const url = `/api/tasks/${taskId}/reports/${report.id}/files/${file.id}`;
    for (const session of [reporter, reviewer, reader]) {
      const response = await t.call(session, { method: "GET", url });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(PDF)).toBe(true);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["content-disposition"]).toBe(
        "attachment; filename=\"Bien ban so 1 (ban goc).pdf\"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20s%E1%BB%91%201%20%28b%E1%BA%A3n%20g%E1%BB%91c%29.pdf",
      );
      expect(response.headers["cache-control"]).toBe("private, no-store");
    }
    expect((await t.call(outsider, { method: "GET", url })).statusCode).toBe(404);
    expect((await t.call(null, { method: "GET", url })).statusCode).toBe(401);
    const missing = await t.call(reporter, { method: "GET", url: `${url.replace(/\d+$/, "")}999999999` });
    expect(missing.json().error.code).toBe("TASK_REPORT_FILE_NOT_FOUND");
  });

  describe("refuses a bad file with its code and stores nothing", () => {
    const cases: [string, () => Promise<Buffer> | Buffer, number, string][] = [
      ["empty", () => Buffer.alloc(0), 400, "TASK_REPORT_FILE_EMPTY"],
      ["an old .doc", oleBytes, 415, "TASK_REPORT_FILE_UNSUPPORTED"],
      [
        "an executable",
        () => Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512, 1)]),
        415,
        "TASK_REPORT_FILE_UNSUPPORTED",
      ],
      [
        "a zip that is no Office file",
        () => zipBytes([{ name: "anh.jpg", data: Buffer.from("x") }]),
        415,
        "TASK_REPORT_FILE_UNSUPPORTED",
      ],
      ["a zip bomb dressed as a workbook", () => zipBombBytes(60), 415, "TASK_REPORT_FILE_UNSUPPORTED"],
      [
        "an HTML page",
        () => Buffer.from("<!DOCTYPE html><html><body>x</body></html>"),
        415,
        "TASK_REPORT_FILE_UNSUPPORTED",
      ],
    ];
    it.each(cases)("%s", async (_name, bytes, status, code) => {
      const { taskId, report } = await reportedTask();
      const response = await upload(reporter, taskId, report.id, "minh-chung.bin", await bytes());
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(await fileCount(report.id)).toBe(0);
    });

    it("one byte over 20 MB, saying the limit", async () => {
      const { taskId, report } = await reportedTask();
      const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(20 * MB - 8, 0x20)]);
      expect(big.length).toBe(20 * MB + 1);
      const response = await upload(reporter, taskId, report.id, "lon.pdf", big);
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toMatchObject({ code: "TASK_REPORT_FILE_TOO_LARGE" });
      expect(response.json().error.message).toContain("20 MB");
      expect(await fileCount(report.id)).toBe(0);
      // Exactly 20 MB is taken.
      const fits = await upload(reporter, taskId, report.id, "vua.pdf", big.subarray(0, 20 * MB));
      expect(fits.statusCode, fits.body).toBe(201);
    });

    it("a request without a file", async () => {
      const { taskId, report } = await reportedTask();
      const response = await t.call(reporter, {
        method: "POST",
        url: `/api/tasks/${taskId}/reports/${report.id}/files`,
        ...multipartFile("x.pdf", PDF, "other"),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("TASK_REPORT_FILE_MISSING");
      expect(await fileCount(report.id)).toBe(0);
    });
  });

  it("lets only the reporters add evidence, answering before the file is read", async () => {
    const { taskId, report } = await reportedTask();
    const asReader = await upload(reader, taskId, report.id, "a.pdf", PDF);
    expect(asReader.statusCode).toBe(403);
    expect(asReader.json().error.code).toBe("TASK_REPORT_NOT_ALLOWED");
    // Outside the scope: 404 even for a file that would be refused.
    const asOutsider = await upload(outsider, taskId, report.id, "a.doc", oleBytes());
    expect(asOutsider.statusCode).toBe(404);
    expect(asOutsider.json().error.code).toBe("TASK_NOT_FOUND");
    const wrongReport = await upload(reporter, taskId, 999999999, "a.pdf", PDF);
    expect(wrongReport.json().error.code).toBe("TASK_REPORT_NOT_FOUND");
    expect((await upload(null, taskId, report.id, "a.pdf", PDF)).statusCode).toBe(401);
    expect(await fileCount(report.id)).toBe(0);
  });

  it("keeps at most 20 files on a report", async () => {
    const { taskId, report } = await reportedTask();
    for (let i = 0; i < 20; i++) {
      expect(
        (await upload(reporter, taskId, report.id, `tep-${i}.txt`, Buffer.from(`Tệp ${i}`))).statusCode,
      ).toBe(201);
    }
    const over = await upload(reporter, taskId, report.id, "tep-21.txt", Buffer.from("Tệp 21"));
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("TASK_REPORT_FILES_LIMIT");
    expect(await fileCount(report.id)).toBe(20);
  });
});

describe("evidence removal", () => {
  it("removes a file from a report not yet accepted; an accepted report's evidence stays", async () => {
    const { taskId, report } = await reportedTask();
    const first = (await upload(reporter, taskId, report.id, "a.pdf", PDF)).json() as TaskReportFile;
    const second = (await upload(reporter, taskId, report.id, "b.pdf", PDF)).json() as TaskReportFile;
    const url = (fileId: number) => `/api/tasks/${taskId}/reports/${report.id}/files/${fileId}`;

    expect((await t.call(reader, { method: "DELETE", url: url(first.id) })).json().error.code).toBe(
      "TASK_REPORT_NOT_ALLOWED",
    );
    expect((await t.call(outsider, { method: "DELETE", url: url(first.id) })).statusCode).toBe(404);
    expect((await t.call(null, { method: "DELETE", url: url(first.id) })).statusCode).toBe(401);
    const removed = await t.call(reporter, { method: "DELETE", url: url(first.id) });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ ok: true });
    // Both the addition and the removal are in the audit log, with the file's name.
    const audits = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "before", "after"])
      .where("entityType", "=", "task_report")
      .where("entityId", "=", String(report.id))
      .where("action", "in", ["task.report_file_add", "task.report_file_remove"])
      .orderBy("id")
      .execute();
    expect(audits.map((row) => row.action)).toEqual([
      "task.report_file_add",
      "task.report_file_add",
      "task.report_file_remove",
    ]);
    expect(audits[0]?.after).toMatchObject({
      fileId: first.id,
      fileName: "a.pdf",
      mediaType: "application/pdf",
    });
    expect(audits[2]?.before).toMatchObject({ fileId: first.id, fileName: "a.pdf" });
    expect((await t.call(reporter, { method: "GET", url: url(first.id) })).statusCode).toBe(404);
    const again = await t.call(reporter, { method: "DELETE", url: url(first.id) });
    expect(again.json().error.code).toBe("TASK_REPORT_FILE_NOT_FOUND");

    const accepted = await t.call(reviewer, {
      method: "POST",
      url: `/api/tasks/${taskId}/reports/${report.id}/accept`,
      payload: { version: report.version },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const frozen = await t.call(reporter, { method: "DELETE", url: url(second.id) });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe("TASK_REPORT_ACCEPTED");
    const late = await upload(reporter, taskId, report.id, "c.pdf", PDF);
    expect(late.json().error.code).toBe("TASK_REPORT_ACCEPTED");
    expect(await fileCount(report.id)).toBe(1);
  });

  it("answers 400 for a malformed id", async () => {
    const { taskId, report } = await reportedTask();
    const response = await t.call(reporter, {
      method: "DELETE",
      url: `/api/tasks/${taskId}/reports/${report.id}/files/abc`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "params.fileId",
    ]);
  });
});
