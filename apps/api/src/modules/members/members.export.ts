// Export of a filtered member list as .xlsx in exactly the template the import reads (so exporting and
// importing again changes nothing), streamed in keyset batches through the streaming writer, with the
// statistics of the same filter as a second sheet. Sensitive columns are masked for actors without
// member.sensitive; the importer recognises masked cells and keeps the stored values.
import type { Writable } from "node:stream";
import {
  MEMBER_IMPORT_MAX_ROWS,
  MEMBER_STATISTICS_LABELS,
  type MemberFilter,
  type MemberStatus,
} from "@namro/contracts";
import {
  formatFieldValue,
  MEMBER_COLUMNS,
  MEMBER_INFO_HEADERS,
  type MemberImportField,
  maskCitizenId,
  todayInVietnam,
} from "@namro/domain";
import { sql } from "kysely";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { createXlsxWriter, type WrittenCell } from "../../platform/spreadsheets/spreadsheet-writer.ts";
import { type MemberFilterOptions, selectFilteredMembers } from "./members.filter.repository.ts";
import { maySeeSensitiveIn, maySeeSensitiveOver } from "./members.policy.ts";
import type { MembersService } from "./members.service.ts";
import type { MemberStatisticsService } from "./members.statistics.ts";
import { writeMemberStatisticsSheet } from "./members.statistics-sheet.ts";

const BATCH = 5000;
/** What a masked sensitive cell holds: the importer reads any cell with "*" as "keep the stored value". */
const MASK = "***";

export interface ExportPlan {
  actor: Actor;
  options: MemberFilterOptions;
  fileName: string;
}

interface ExportRow {
  id: number;
  sortKey: string;
  orgName: string;
  orgPath: string;
  status: MemberStatus;
  [field: string]: string | number | null;
}

export class MemberExportService {
  readonly #deps: ServiceDeps;
  readonly #members: Pick<MembersService, "filterOptions">;
  readonly #statistics: Pick<MemberStatisticsService, "getStatistics">;
  readonly #maxRows: number;

  /** `limits.maxRows`: the most members one export holds (what one import reads back). */
  constructor(
    deps: ServiceDeps,
    members: Pick<MembersService, "filterOptions">,
    statistics: Pick<MemberStatisticsService, "getStatistics">,
    limits: { maxRows: number } = { maxRows: MEMBER_IMPORT_MAX_ROWS },
  ) {
    this.#deps = deps;
    this.#maxRows = limits.maxRows;
    this.#members = members;
    this.#statistics = statistics;
  }

  /** Checks what the actor may export (404 outside the scope) before anything is streamed. */
  async plan(actor: Actor, filter: MemberFilter): Promise<ExportPlan> {
    // Filtering by religion would reveal it: only for those who may see it everywhere they export.
    const { religion, ...rest } = filter;
    const probe = await this.#members.filterOptions(actor, rest);
    const paths = probe.subtreePath ? [probe.subtreePath] : probe.scopePaths;
    const options =
      maySeeSensitiveOver(actor, paths) && religion !== undefined
        ? await this.#members.filterOptions(actor, { ...rest, religion })
        : probe;
    // Refused up front, before anything is streamed: a bigger file could not be imported again (the
    // round trip) and would need ZIP64, which the writer does not produce. Counted no further than needed.
    const counted = await this.#deps.db
      .selectFrom(
        selectFilteredMembers(this.#deps.db, options)
          .select(sql<number>`1`.as("one"))
          .limit(this.#maxRows + 1)
          .as("x"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(counted.n) > this.#maxRows) throw new AppError("MEMBER_EXPORT_TOO_MANY_ROWS");
    const today = todayInVietnam(this.#deps.clock.now());
    return { actor, options, fileName: `danh-sach-dang-vien-${today}.xlsx` };
  }

  async write(plan: ExportPlan, output: Writable): Promise<void> {
    const writer = createXlsxWriter(output);
    const headers = [
      MEMBER_INFO_HEADERS.rowNumber,
      ...MEMBER_COLUMNS.map((c) => c.header),
      MEMBER_INFO_HEADERS.status,
    ];
    const sheet = writer.addSheet("Danh sách đảng viên", headers, {
      widths: [
        6,
        ...MEMBER_COLUMNS.map((c) => (c.field === "fullName" ? 28 : c.kind === "date" ? 13 : 18)),
        16,
      ],
    });
    // The statistics sheet's status labels, so the two sheets of one workbook name a status alike.
    const statusLabels = MEMBER_STATISTICS_LABELS[plan.actor.locale].status;
    let number = 0;
    const verdicts = new Map<string, boolean>();
    const seesSensitive = (path: string) => {
      let verdict = verdicts.get(path);
      if (verdict === undefined) {
        verdict = maySeeSensitiveIn(plan.actor, path);
        verdicts.set(path, verdict);
      }
      return verdict;
    };
    let after: { sortKey: string; id: number } | null = null;
    for (;;) {
      let query = selectFilteredMembers(this.#deps.db, plan.options).select([
        "m.id",
        "m.sortKey",
        "o.name as orgName",
        sql<string>`o.path::text`.as("orgPath"),
        "m.status",
        "m.fullName",
        "m.otherNames",
        "m.sex",
        sql<string>`m.birth_date::text`.as("birthDate"),
        "m.birthPlace",
        "m.homeTown",
        "m.ethnicity",
        "m.religion",
        "m.citizenId",
        "m.cardNumber",
        sql<string>`m.admitted_on::text`.as("admittedOn"),
        sql<string | null>`m.full_member_on::text`.as("fullMemberOn"),
        "m.educationGeneral",
        "m.educationProfessional",
        "m.theoryLevel",
        "m.occupation",
        "m.awards",
        "m.discipline",
      ]);
      if (after) query = query.where(sql<boolean>`(m.sort_key, m.id) > (${after.sortKey}, ${after.id})`);
      const rows = (await query
        .orderBy(sql`m.sort_key`)
        .orderBy("m.id")
        .limit(BATCH)
        .execute()) as unknown as ExportRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        number += 1;
        // Masked per member: the actor may see sensitive fields in some subtrees and not in others.
        const sensitive = seesSensitive(row.orgPath);
        sheet.addRow([
          number,
          ...MEMBER_COLUMNS.map((c) => this.cell(c.field, row, sensitive)),
          statusLabels[row.status],
        ]);
      }
      // Wait for a slow reader (the download) rather than buffering the file in memory.
      await writer.drained();
      const last = rows[rows.length - 1] as ExportRow;
      after = { sortKey: last.sortKey, id: last.id };
      if (rows.length < BATCH) break;
    }
    sheet.end();
    const statistics = await this.#statistics.getStatistics(plan.actor, {
      ...plan.options.filter,
      period: "year",
    });
    writeMemberStatisticsSheet(writer, statistics, { locale: plan.actor.locale });
    await writer.finish();
  }

  private cell(field: MemberImportField, row: ExportRow, canSeeSensitive: boolean): WrittenCell {
    if (field === "cell") return row.orgName;
    const value = row[field];
    const text = value === null || value === undefined ? null : String(value);
    const column = MEMBER_COLUMNS.find((c) => c.field === field);
    if (column?.sensitive && !canSeeSensitive) {
      if (field === "citizenId") return text ? maskCitizenId(text) : "";
      return MASK;
    }
    return formatFieldValue(field, text);
  }
}
