// The workbook of the import benchmark (member-import.ts), planned and written in a process of its own:
// reads { cells, communes, today, file } as JSON on stdin and writes the .xlsx to `file`.
import { createWriteStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatFieldValue, MEMBER_COLUMNS, type MemberImportField } from "@namro/domain";
import { createXlsxWriter } from "../../apps/api/src/platform/spreadsheets/spreadsheet-writer.ts";
import {
  emptyPlan,
  type MemberPlan,
  type PlanCell,
  type PlanCommune,
  planMembers,
} from "../../apps/api/src/seed/member-plan.ts";

export const IMPORT_ROWS = 150_000;

/** Just the first `count` members of a plan, with their cell rows (events and posts left out). */
export function firstMembers(plan: MemberPlan, count: number): MemberPlan {
  const members = Object.fromEntries(
    Object.entries(plan.members).map(([key, column]) => [key, (column as unknown[]).slice(0, count)]),
  ) as unknown as MemberPlan["members"];
  const keep = plan.cells.member.map((member, i) => (member < count ? i : -1)).filter((i) => i >= 0);
  const pick = <T>(column: T[]) => keep.map((i) => column[i] as T);
  const empty = emptyPlan();
  return {
    members,
    cells: {
      member: pick(plan.cells.member),
      orgId: pick(plan.cells.orgId),
      validFrom: pick(plan.cells.validFrom),
      validTo: pick(plan.cells.validTo),
      event: keep.map(() => null),
    },
    events: empty.events,
    posts: empty.posts,
  };
}

export async function writeWorkbook(
  path: string,
  plan: MemberPlan,
  cellCodes: Map<number, string>,
): Promise<void> {
  const output = createWriteStream(path);
  const writer = createXlsxWriter(output);
  const sheet = writer.addSheet("Danh sách đảng viên", ["STT", ...MEMBER_COLUMNS.map((c) => c.header)]);
  const m = plan.members;
  const value = (field: MemberImportField, i: number): string | null => {
    switch (field) {
      case "cell":
        return cellCodes.get(m.orgId[i] as number) ?? null;
      case "otherNames":
        return null;
      default:
        return (m[field] as (string | null)[])[i] ?? null;
    }
  };
  for (let i = 0; i < m.orgId.length; i++) {
    sheet.addRow([i + 1, ...MEMBER_COLUMNS.map((c) => formatFieldValue(c.field, value(c.field, i)) || null)]);
  }
  sheet.end();
  await writer.finish();
  await new Promise<void>((resolve, reject) => {
    if (output.writableFinished) resolve();
    else output.on("finish", resolve).on("error", reject);
  });
}

/** The members the benchmark imports: new people of the demo province, planned like the seed's. */
export function importedMembers(cells: PlanCell[], communes: PlanCommune[], today: string): MemberPlan {
  const full = planMembers(cells, communes, {
    provinceCode: "BN",
    run: "import-benchmark",
    total: Math.round(IMPORT_ROWS * 1.05),
    today,
    // Number blocks apart from the demo's (0) and the province scale's (200,000); 600,000 was used by
    // an earlier version of this benchmark that left matched members updated.
    numberBlock: 800_000,
    posts: false,
    fullHistory: false,
  });
  if (full.members.orgId.length < IMPORT_ROWS) throw new Error("the plan came out smaller than the import");
  return firstMembers(full, IMPORT_ROWS);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { cells, communes, today, file } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
    cells: PlanCell[];
    communes: PlanCommune[];
    today: string;
    file: string;
  };
  await writeWorkbook(
    file,
    importedMembers(cells, communes, today),
    new Map(cells.map((c) => [c.id, c.code])),
  );
}
