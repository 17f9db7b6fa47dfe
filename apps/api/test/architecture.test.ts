// Enforces the dependency rules written in ARCHITECTURE.md by reading every import in the tree.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(path);
  }
  return out;
}

interface ImportRef {
  file: string;
  specifier: string;
  /** Repository-relative target for relative imports, else null. */
  target: string | null;
}

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(join(root, file), "utf8");
  const refs: ImportRef[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? "";
    const target = specifier.startsWith(".")
      ? relative(root, resolve(join(root, dirname(file)), specifier))
      : null;
    refs.push({ file, specifier, target });
  }
  return refs;
}

const isTest = (file: string) => /\.(int\.)?test\.tsx?$/.test(file);

function violations(files: string[], rule: (ref: ImportRef) => string | null): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .map(rule)
      .filter((v): v is string => v !== null),
  );
}

describe("import boundaries", () => {
  it("the web app never imports server code", () => {
    const found = violations(sourceFiles("apps/web/src"), (ref) =>
      ref.specifier.includes("apps/api") ||
      ref.target?.startsWith("apps/api") ||
      ref.specifier.startsWith("@namro/api")
        ? `${ref.file} imports ${ref.specifier}`
        : null,
    );
    expect(found).toEqual([]);
  });

  it("packages/domain is pure: no I/O, no framework, nothing outside itself", () => {
    const found = violations(sourceFiles("packages/domain/src"), (ref) => {
      if (isTest(ref.file) && ["vitest", "fast-check"].includes(ref.specifier)) return null;
      if (ref.target?.startsWith("packages/domain/src")) return null;
      return `${ref.file} imports ${ref.specifier}`;
    });
    expect(found).toEqual([]);
  });

  it("packages/contracts depends only on zod and the domain package", () => {
    const found = violations(sourceFiles("packages/contracts/src"), (ref) => {
      if (ref.target?.startsWith("packages/contracts/src")) return null;
      if (["zod", "@namro/domain"].includes(ref.specifier)) return null;
      if (isTest(ref.file) && ["vitest", "fast-check"].includes(ref.specifier)) return null;
      return `${ref.file} imports ${ref.specifier}`;
    });
    expect(found).toEqual([]);
  });

  it("platform code knows no feature module", () => {
    const found = violations(sourceFiles("apps/api/src/platform"), (ref) =>
      ref.target?.startsWith("apps/api/src/modules/") ? `${ref.file} imports ${ref.specifier}` : null,
    );
    expect(found).toEqual([]);
  });

  it("modules reach other modules only through their services", () => {
    const moduleOf = (path: string) => /^apps\/api\/src\/modules\/([^/]+)\//.exec(path)?.[1] ?? null;
    const found = violations(
      sourceFiles("apps/api/src/modules").filter((file) => !isTest(file)),
      (ref) => {
        const from = moduleOf(ref.file);
        const to = ref.target ? moduleOf(ref.target) : null;
        if (!from || !to || from === to) return null;
        if (ref.target?.endsWith(`${to}.service.ts`)) return null;
        return `${ref.file} imports ${ref.specifier} (use ${to}.service.ts)`;
      },
    );
    expect(found).toEqual([]);
  });

  it("SQL stays in repositories and HTTP stays in routes", () => {
    const found = violations(
      sourceFiles("apps/api/src/modules").filter((file) => !isTest(file)),
      (ref) => {
        if (ref.file.endsWith(".routes.ts") && ref.specifier === "kysely")
          return `${ref.file} imports kysely`;
        if (
          (ref.file.endsWith(".repository.ts") || ref.file.endsWith(".service.ts")) &&
          ref.specifier === "fastify"
        )
          return `${ref.file} imports fastify`;
        return null;
      },
    );
    expect(found).toEqual([]);
  });
});
