// The coverage table as an .xlsx workbook: one row per target under the drilled node (organisation,
// where it sits, status, implementing document, days late or overdue, last reminder), and a summary
// sheet (document, deadline, node, totals). Written through the streaming writer into memory: a
// cascade has at most CASCADE_TARGET_LIMIT targets.
import { PassThrough } from "node:stream";
import type { CoverageStatus, CoverageTotals, Locale } from "@namro/contracts";
import { formatDateVi } from "@namro/domain";
import { createXlsxWriter } from "../../platform/spreadsheets/spreadsheet-writer.ts";
import type { ExportTargetRow } from "./documents.coverage.repository.ts";

const LABELS = {
  vi: {
    sheet: "Cụ thể hóa",
    summarySheet: "Tổng hợp",
    headers: [
      "Tổ chức",
      "Thuộc",
      "Trạng thái",
      "Văn bản cụ thể hóa",
      "Trích yếu",
      "Ngày ban hành",
      "Số ngày trễ",
      "Số ngày quá hạn",
      "Nhắc gần nhất",
    ],
    status: { on_time: "Đúng hạn", late: "Trễ hạn", missing: "Chưa ban hành" } as Record<
      CoverageStatus,
      string
    >,
    hidden: "Đã ban hành (văn bản ngoài phạm vi)",
    dissolved: " (không còn hoạt động)",
    summary: ["Mục", "Giá trị"],
    document: "Văn bản",
    deadline: "Hạn ban hành",
    node: "Phạm vi",
    today: "Ngày lập",
    totals: {
      targets: "Tổ chức được giao",
      issued: "Đã ban hành",
      onTime: "Đúng hạn",
      late: "Trễ hạn",
      missing: "Chưa ban hành",
      overdue: "Quá hạn",
    },
  },
  en: {
    sheet: "Implementation",
    summarySheet: "Summary",
    headers: [
      "Organisation",
      "Under",
      "Status",
      "Implementing document",
      "Subject",
      "Issued on",
      "Days late",
      "Days overdue",
      "Last reminded",
    ],
    status: { on_time: "On time", late: "Late", missing: "Not issued" } as Record<CoverageStatus, string>,
    hidden: "Issued (document outside your scope)",
    dissolved: " (no longer active)",
    summary: ["Item", "Value"],
    document: "Document",
    deadline: "Deadline",
    node: "Scope",
    today: "Drawn up on",
    totals: {
      targets: "Organisations required",
      issued: "Issued",
      onTime: "On time",
      late: "Late",
      missing: "Not issued",
      overdue: "Overdue",
    },
  },
} as const;

export interface CoverageWorkbook {
  locale: Locale;
  documentLabel: string;
  deadline: string;
  today: string;
  nodeName: string;
  totals: CoverageTotals;
  rows: readonly ExportTargetRow[];
}

function reminded(at: string | null): string | null {
  if (at === null) return null;
  const iso = new Date(at).toISOString();
  return `${formatDateVi(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;
}

export async function writeCoverageWorkbook(workbook: CoverageWorkbook): Promise<Buffer> {
  const labels = LABELS[workbook.locale];
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on("end", resolve);
    output.on("error", reject);
  });
  const writer = createXlsxWriter(output);

  const sheet = writer.addSheet(labels.sheet, labels.headers, {
    widths: [36, 40, 16, 20, 48, 14, 12, 14, 20],
  });
  for (const row of workbook.rows) {
    const hidden = row.documentId !== null && !row.documentVisible;
    sheet.addRow([
      row.orgActive ? row.orgName : `${row.orgName}${labels.dissolved}`,
      row.pathNames.join(" / "),
      labels.status[row.status],
      hidden ? labels.hidden : row.documentSymbol,
      hidden ? null : row.documentSubject,
      !hidden && row.issuedOn ? formatDateVi(row.issuedOn) : null,
      hidden ? null : row.daysLate,
      row.daysOverdue,
      reminded(row.lastRemindedAt),
    ]);
  }
  sheet.end();

  const summary = writer.addSheet(labels.summarySheet, labels.summary, { widths: [28, 60] });
  summary.addRow([labels.document, workbook.documentLabel]);
  summary.addRow([labels.deadline, formatDateVi(workbook.deadline)]);
  summary.addRow([labels.node, workbook.nodeName]);
  summary.addRow([labels.today, formatDateVi(workbook.today)]);
  for (const key of Object.keys(labels.totals) as (keyof CoverageTotals)[]) {
    summary.addRow([labels.totals[key], workbook.totals[key]]);
  }
  summary.end();
  await writer.finish();
  await ended;
  return Buffer.concat(chunks);
}
