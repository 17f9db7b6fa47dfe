// The member import's baseline: the same members and cell rows loaded with COPY, in a transaction rolled
// back. PostgreSQL: `COPY … FROM STDIN` through pg-copy-streams. PGlite: its socket server loses the
// protocol on COPY FROM STDIN ("protocol synchronization was lost"), so the rows go as COPY-format files
// into the data folder, which the database reads with a server-side `COPY … FROM '<file>'`.
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { MemberPlan } from "../../apps/api/src/seed/member-plan.ts";
import type { Dataset } from "../datasets.ts";

const MEMBER_COLUMNS = [
  ["id", null],
  ["org_id", "orgId"],
  ["full_name", "fullName"],
  ["search_key", "searchKey"],
  ["sort_key", "sortKey"],
  ["sex", "sex"],
  ["birth_date", "birthDate"],
  ["birth_place", "birthPlace"],
  ["home_town", "homeTown"],
  ["ethnicity", "ethnicity"],
  ["religion", "religion"],
  ["citizen_id", "citizenId"],
  ["card_number", "cardNumber"],
  ["admitted_on", "admittedOn"],
  ["full_member_on", "fullMemberOn"],
  ["education_general", "educationGeneral"],
  ["education_professional", "educationProfessional"],
  ["theory_level", "theoryLevel"],
  ["occupation", "occupation"],
  ["status", "status"],
  ["status_since", "statusSince"],
  ["activity", "activity"],
  ["awards", "awards"],
  ["discipline", "discipline"],
] as const satisfies readonly (readonly [string, keyof MemberPlan["members"] | null])[];

/** One value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
export function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** The plan's members (ids from `memberBase`) and cell rows as COPY text, one table each. */
export function copyText(plan: MemberPlan, memberBase: number): { members: string; cells: string } {
  const m = plan.members;
  const members: string[] = [];
  for (let i = 0; i < m.orgId.length; i++) {
    members.push(
      MEMBER_COLUMNS.map(([, key]) =>
        copyValue(key === null ? memberBase + i : (m[key] as (string | number | null)[])[i]),
      ).join("\t"),
    );
  }
  const c = plan.cells;
  const cells: string[] = [];
  for (let i = 0; i < c.member.length; i++) {
    cells.push(
      [memberBase + (c.member[i] as number), c.orgId[i], c.validFrom[i], c.validTo[i] ?? null, null]
        .map(copyValue)
        .join("\t"),
    );
  }
  return { members: `${members.join("\n")}\n`, cells: `${cells.join("\n")}\n` };
}

const MEMBERS_TABLE = `members (${MEMBER_COLUMNS.map(([name]) => name).join(", ")})`;
const CELLS_TABLE = "member_cells (member_id, org_id, valid_from, valid_to, event_id)";

export interface CopyBaseline {
  ms: number;
  /** What the row's baseline says it is. */
  name: string;
}

/** Times COPY of the plan's members and cell rows (text built from the plan included), then rolls back. */
export async function copyBaseline(dataset: Dataset, plan: MemberPlan): Promise<CopyBaseline> {
  const client = await dataset.database.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ max: string | null }>("SELECT max(id)::text AS max FROM members");
    const memberBase = Number(rows[0]?.max ?? 0) + 1;
    const started = performance.now();
    const text = copyText(plan, memberBase);
    const name =
      dataset.label === "postgres"
        ? await copyFromStdin(client, text)
        : await copyFromDataFolder(client, dataset, text);
    const ms = performance.now() - started;
    await client.query("ROLLBACK");
    return { ms, name };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function copyFromStdin(client: pg.PoolClient, text: { members: string; cells: string }) {
  for (const [table, body] of [
    [MEMBERS_TABLE, text.members],
    [CELLS_TABLE, text.cells],
  ] as const) {
    const stream = client.query(copyFrom(`COPY ${table} FROM STDIN`));
    await pipeline(
      (async function* () {
        yield Buffer.from(body, "utf8");
      })(),
      stream,
    );
  }
  return "COPY … FROM STDIN of the same members and cell rows";
}

async function copyFromDataFolder(
  client: pg.PoolClient,
  dataset: Dataset,
  text: { members: string; cells: string },
): Promise<string> {
  if (!dataset.hostDataDir) throw new Error("PGlite dataset without its data folder");
  // The data folder as the database sees it (the worker mounts the host folder there).
  const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
  const inside = rows[0]?.data_directory;
  if (!inside) throw new Error("no data_directory");
  const files = [
    [MEMBERS_TABLE, "bench-copy-members.tsv", text.members],
    [CELLS_TABLE, "bench-copy-cells.tsv", text.cells],
  ] as const;
  try {
    for (const [table, file, body] of files) {
      await writeFile(join(dataset.hostDataDir, file), body);
      await client.query(`COPY ${table} FROM '${inside}/${file}'`);
    }
  } finally {
    for (const [, file] of files) await rm(join(dataset.hostDataDir, file), { force: true });
  }
  return "COPY FROM a file of the same members and cell rows (PGlite's socket has no COPY FROM STDIN)";
}
