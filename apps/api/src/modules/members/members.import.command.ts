// `namro import members FILE --org <code or id> [--dry-run] [--json]`: the web import run from the
// command line by an administrator, as the installer actor (system administration over the root of
// the chosen organisation). A dry run reads and validates, prints, and leaves nothing behind.
import { createHash } from "node:crypto";
import { copyFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { MEMBER_COLUMNS } from "@namro/domain";
import { type Actor, installerActor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { deleteImport, installerOf } from "./members.import.repository.ts";
import { MemberImportsService } from "./members.import.service.ts";
import type { RowRecord } from "./members.import.validation.ts";

export interface ImportCommandOptions {
  org: string;
  dryRun?: boolean;
  json?: boolean;
}

/** Runs the import; returns the exit code. */
export async function runMemberImportCommand(
  deps: ServiceDeps,
  file: string,
  options: ImportCommandOptions,
  print: (line: string) => void,
): Promise<number> {
  const service = new MemberImportsService(deps);
  const orgId = await service.orgIdOf(options.org);
  const installer = await installerOf(deps.db, orgId);
  if (!installer) throw new AppError("NOT_FOUND", { detail: `organisation ${options.org}` });
  const actor: Actor = installerActor(installer.accountId ?? 0, "Dòng lệnh: nhập đảng viên", installer.root);

  // The service owns (and deletes) the file it reads: give it a copy.
  const copy = join(tmpdir(), `namro-import-${process.pid}-${Date.now()}`);
  await copyFile(file, copy);
  const sha256 = createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
  const created = await service.create(actor, orgId, { path: copy, fileName: basename(file), sha256 });
  await service.settled(created.id);
  try {
    const summary = await service.summary(actor, created.id);
    const members = summary.members.map(memberOf);
    const report = { rows: summary.rows, accepted: summary.accepted, problems: summary.problems, members };
    if (options.dryRun) {
      if (options.json) print(JSON.stringify(report, null, 2));
      else printText(report, print, null);
      return 0;
    }
    const committed = await service.commit(actor, created.id, {
      actorId: installer.accountId,
      actorName: "namro import members",
      requestId: null,
    });
    if (options.json) print(JSON.stringify({ ...report, result: committed.result }, null, 2));
    else printText(report, print, committed.result);
    return 0;
  } finally {
    if (options.dryRun) await deleteImport(deps.db, created.id);
  }
}

const FIELD_ORDER = MEMBER_COLUMNS.map((c) => c.field).filter((f) => f !== "cell");

/** A row as the member record it would create (or the change it would make to a matched one). */
function memberOf(row: RowRecord & { outcome: string }): Record<string, string | number | null> {
  const values = row.values as Record<string, string | null>;
  const record: Record<string, string | number | null> = {};
  for (const field of FIELD_ORDER) record[field] = values[field] ?? null;
  record.ethnicity ??= "Kinh";
  record.educationProfessional ??= "none";
  record.theoryLevel ??= "none";
  record.status = values.fullMemberOn ? "full" : "probationary";
  record.orgId = row.orgId;
  record.outcome = row.outcome;
  return record;
}

function printText(
  report: { rows: number; accepted: number; problems: { row: number; column: string; message: string }[] },
  print: (line: string) => void,
  result: Record<string, number> | null,
): void {
  print(
    `Số dòng (rows): ${report.rows}; hợp lệ (accepted): ${report.accepted}; lỗi (problems): ${report.problems.length}`,
  );
  for (const problem of report.problems) {
    print(`  Dòng ${problem.row}${problem.column ? `, cột "${problem.column}"` : ""}: ${problem.message}`);
  }
  if (result) {
    print(
      `Đã ghi (committed): thêm mới ${result.created}, cập nhật ${result.updated}, không đổi ${result.unchanged}, bỏ qua ${result.skipped}, bị loại ${result.rejected}`,
    );
  } else print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu (dry run: nothing written).");
}
