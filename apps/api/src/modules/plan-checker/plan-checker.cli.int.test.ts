// `namro check-plan` as a person runs it: a child process, no database.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROVINCE_PLAN_12_KH_TU, sampleDocumentDocx } from "../../../test/document-fixtures.ts";
import { offlineCli } from "../../../test/offline-cli.ts";

const cli = offlineCli("namro-cli-check-plan-");
const { dir, namro } = cli;
afterAll(() => cli.remove());

describe("namro check-plan FILE", () => {
  it("prints the tasks of a .docx plan as JSON and as a table", () => {
    const file = join(dir, "ke-hoach.docx");
    writeFileSync(file, sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU));
    const json = namro("check-plan", file, "--json");
    expect(json.code, json.stderr).toBe(0);
    const tasks = JSON.parse(json.stdout) as { lead: string | null; deadline: string | null }[];
    expect(tasks).toContainEqual(
      expect.objectContaining({ lead: "Ban Tổ chức Tỉnh ủy", deadline: "half-yearly" }),
    );
    const table = namro("check-plan", file);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(`${tasks.length} nhiệm vụ`);
    expect(existsSync(join(dir, "no-database"))).toBe(false);
  });

  it("exits 1 and says so when the text holds no task", () => {
    const file = join(dir, "thu.txt");
    writeFileSync(file, "Kính gửi: các đồng chí\nTrân trọng cảm ơn.");
    const result = namro("check-plan", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Không tìm thấy nhiệm vụ nào trong văn bản");
  });
});
