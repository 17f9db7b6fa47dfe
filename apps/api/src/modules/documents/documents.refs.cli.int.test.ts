// `namro refs` as a person runs it: a child process, no database.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMUNE_PLAN_08_KH_DU, oleBytes, sampleDocumentDocx } from "../../../test/document-fixtures.ts";

const BIN = resolve(import.meta.dirname, "../../../bin/namro.js");
const dir = mkdtempSync(join(tmpdir(), "namro-cli-refs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function namro(...args: string[]) {
  // No database is opened: point the embedded one at a folder that does not exist to prove it.
  const env: NodeJS.ProcessEnv = { ...process.env, NAMRO_DATA_DIR: join(dir, "no-database") };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env,
    encoding: "utf8",
    timeout: 60_000,
    cwd: dir,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("namro refs FILE", () => {
  it("prints the references of a .docx as JSON and as a table", () => {
    const file = join(dir, "ke-hoach-xa.docx");
    writeFileSync(file, sampleDocumentDocx(COMMUNE_PLAN_08_KH_DU));
    const json = namro("refs", file, "--json");
    expect(json.code, json.stderr).toBe(0);
    const references = JSON.parse(json.stdout) as { number: string | null; type: string; issuer: string }[];
    expect(references.map((r) => `${r.number}-${r.type}/${r.issuer}`)).toContain("12-KH/TU");
    const table = namro("refs", file);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(
      /^text\s+start\s+end\s+system\s+type\s+number\s+issuer\s+date/,
    );
    expect(table.stdout).toContain(`${references.length} trích dẫn (${references.length} references)`);
    expect(existsSync(join(dir, "no-database"))).toBe(false);
  });

  it("exits 1 with a message for an old .doc and a missing file", () => {
    const file = join(dir, "cu.doc");
    writeFileSync(file, oleBytes());
    const old = namro("refs", file);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain("lưu lại dạng .docx");
    const missing = namro("refs", join(dir, "khong-co.pdf"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("file not found");
  });
});
