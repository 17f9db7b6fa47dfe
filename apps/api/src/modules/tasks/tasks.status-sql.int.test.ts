// The status rule twice — @namro/domain's taskStatus / isReportLate for one task, tasks.status-sql.ts
// for lists and roll-ups — run on the same table of cases (every combination of state, schedule,
// report frequency, dates, completion, progress, last reported period and creation time) on several
// days around period ends and report due days. They must agree case by case, on both databases.
import { isReportLate, TASK_STATUSES, type TaskStatusFacts, taskStatus, todayInVietnam } from "@namro/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg } from "../../../test/factories.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import type { NewTask } from "../../db/schema.ts";
import { reportLateSql, taskStatusIsSql, taskStatusSql } from "./tasks.status-sql.ts";

let t: TestApp;

const STATES = ["active", "paused", "cancelled"] as const;
const SCHEDULES = ["once", "monthly", "continuous"] as const;
const FREQUENCIES = [null, "monthly", "quarterly", "half_yearly", "yearly"] as const;
const STARTS = [null, "2026-02-15"];
// 20/01 is before the second creation day: a task entered (or cascaded) after it was already due.
const DUES = [null, "2026-01-20", "2026-03-31", "2026-12-31"];
const COMPLETIONS = [null, "2026-03-20", "2026-04-10"];
const PROGRESS = [0, 40];
const LAST_REPORTED = [null, "2026-01-31", "2026-03-31", "2026-06-30"];
// The second is 03:00 on 01/02/2026 in Vietnam, still 31/01 in UTC.
const CREATED = [new Date("2025-12-20T03:00:00Z"), new Date("2026-01-31T20:00:00Z")];
// Before anything is due, a quarter's report due day (05/04) and the day after, a month's, a half
// year's, a year's and past every due date.
const TODAYS = [
  "2026-01-05",
  "2026-04-05",
  "2026-04-06",
  "2026-05-06",
  "2026-07-06",
  "2027-01-06",
  "2027-02-01",
];

interface Case extends TaskStatusFacts {
  createdAt: Date;
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const state of STATES)
    for (const schedule of SCHEDULES)
      for (const reportFrequency of FREQUENCIES)
        for (const startDate of STARTS)
          for (const dueDate of DUES)
            for (const completedOn of COMPLETIONS)
              for (const progressPercent of PROGRESS)
                for (const lastReportedPeriodEnd of LAST_REPORTED)
                  for (const createdAt of CREATED) {
                    // a paused or cancelled task only needs its state checked against a few shapes
                    if (state !== "active" && (progressPercent !== 0 || lastReportedPeriodEnd !== null))
                      continue;
                    // the table's CHECK: a due date is not before the start date
                    if (startDate !== null && dueDate !== null && dueDate < startDate) continue;
                    all.push({
                      state,
                      schedule,
                      reportFrequency,
                      startDate,
                      dueDate,
                      completedOn,
                      progressPercent,
                      lastReportedPeriodEnd,
                      createdAt,
                      createdOn: todayInVietnam(createdAt),
                    });
                  }
  return all;
}

const table = cases();
let ids: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const org = await createOrg(db, null, { typeCode: "tinh_uy" });
  const rows: NewTask[] = table.map((c, index) => ({
    title: `Trường hợp ${index}`,
    searchKey: `truong hop ${index}`,
    treePath: "0",
    ownerOrgId: org.id,
    ownerPath: org.path,
    orgPath: org.path,
    state: c.state,
    schedule: c.schedule,
    reportFrequency: c.reportFrequency,
    startDate: c.startDate,
    dueDate: c.dueDate,
    completedOn: c.completedOn,
    progressPercent: c.progressPercent,
    lastReportedPeriodEnd: c.lastReportedPeriodEnd,
    createdAt: c.createdAt,
  }));
  ids = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await db
      .insertInto("tasks")
      .values(rows.slice(i, i + 1000))
      .returning("id")
      .execute();
    ids.push(...inserted.map((row) => row.id));
  }
});

afterAll(async () => {
  await t?.close();
});

describe("the status rule in SQL", () => {
  it(`agrees with the domain on ${table.length} tasks × ${TODAYS.length} days`, async () => {
    const db = t.database.db;
    const disagreements: string[] = [];
    const seen = new Set<string>();
    for (const today of TODAYS) {
      const rows = await db
        .selectFrom("tasks as t")
        .select(["t.id", taskStatusSql("t", today).as("status"), reportLateSql("t", today).as("late")])
        // the filter form (a cheap implied condition, then the rule) says the same of each status
        .select(TASK_STATUSES.map((status, k) => taskStatusIsSql("t", today, status).as(`is${k}`)))
        .where("t.id", "in", ids)
        .orderBy("t.id")
        .execute();
      expect(rows).toHaveLength(table.length);
      rows.forEach((row, index) => {
        const c = table[index] as Case;
        const status = taskStatus(c, today);
        const late = isReportLate(c, today);
        seen.add(status);
        const filtered = TASK_STATUSES.filter((_, k) => (row as Record<string, unknown>)[`is${k}`] === true);
        if (row.status !== status || row.late !== late || filtered.join() !== status) {
          disagreements.push(
            `${today} ${JSON.stringify({ ...c, createdAt: undefined })}: domain ${status}/${late}, SQL ${row.status}/${row.late}, filter ${filtered.join()}`,
          );
        }
      });
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // the table reaches every status, so agreement is not agreement on a few
    expect([...seen].sort()).toEqual(
      ["cancelled", "done_late", "done_on_time", "in_progress", "not_started", "overdue", "paused"].sort(),
    );
  });

  it("reads a task created late in the evening by its Vietnamese day", async () => {
    const db = t.database.db;
    const row = await sql<{
      day: string;
    }>`SELECT (${CREATED[1]}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS day`
      .execute(db)
      .then((result) => result.rows[0]);
    expect(row?.day).toBe("2026-02-01");
    expect(todayInVietnam(CREATED[1] as Date)).toBe("2026-02-01");
  });
});
