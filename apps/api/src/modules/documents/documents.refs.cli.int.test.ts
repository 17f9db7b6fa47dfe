// `namro refs` as a person runs it: a child process, no database.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMUNE_PLAN_08_KH_DU, oleBytes, sampleDocumentDocx } from "../../../test/document-fixtures.ts";
import { offlineCli } from "../../../test/offline-cli.ts";

const cli = offlineCli("namro-cli-refs-");
const { dir, namro } = cli;
afterAll(() => cli.remove());

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
