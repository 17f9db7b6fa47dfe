// Every string people see comes from the catalogues: both languages have the same keys, no value is
// empty, and every key the code asks for exists.
import { PermissionSchema, ROLES } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "../features/audit/audit-labels.ts";
import en from "./en.json";
import vi from "./vi.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const catalogues = { vi: flatten(vi as Tree), en: flatten(en as Tree) };
const sources = import.meta.glob(["../**/*.ts", "../**/*.tsx", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

// t("a.b"), and also key-shaped literals in the catalogue's namespaces (t(cond ? "a.b" : "a.c")).
const CALL = /\bt\(\s*["'`]([A-Za-z0-9_.-]+)["'`]/g;
const namespaces = [...new Set([...catalogues.vi.keys()].map((key) => key.split(".")[0]))];
const LITERAL = new RegExp(`["'\`]((?:${namespaces.join("|")})\\.[A-Za-z0-9_.]+)["'\`]`, "g");

// Codes that share the shape of keys but are data, not text: permissions ("audit.read") and audit
// actions ("org.merge", labelled through auditAction.* — checked below).
const PERMISSIONS = new Set<string>([...PermissionSchema.options, ...AUDIT_ACTIONS]);

function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const [file, text] of Object.entries(sources)) {
    for (const match of text.matchAll(CALL)) used.set(match[1] as string, file);
    for (const match of text.matchAll(LITERAL)) {
      const key = match[1] as string;
      // Permission names ("audit.read") share the shape of keys; they are not shown to people.
      if (!PERMISSIONS.has(key)) used.set(key, file);
    }
  }
  return used;
}

describe("i18n catalogues", () => {
  it("has the same keys in Vietnamese and English", () => {
    const missingInEn = [...catalogues.vi.keys()].filter((key) => !catalogues.en.has(key));
    const missingInVi = [...catalogues.en.keys()].filter((key) => !catalogues.vi.has(key));
    expect(missingInEn, "keys missing in en.json").toEqual([]);
    expect(missingInVi, "keys missing in vi.json").toEqual([]);
  });

  it("has no empty values", () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const empty = [...catalogue].filter(([, value]) => value.trim() === "").map(([key]) => key);
      expect(empty, `empty values in ${language}.json`).toEqual([]);
    }
  });

  it("uses the same interpolation variables in both languages", () => {
    const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differ = [...catalogues.vi].filter(([key, value]) => {
      const other = catalogues.en.get(key);
      return other !== undefined && vars(value).join() !== vars(other).join();
    });
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it("scans the web sources", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(usedKeys().size).toBeGreaterThan(50);
  });

  it("has every key the code uses", () => {
    const missing = [...usedKeys()]
      .filter(([key]) => !catalogues.vi.has(key) || !catalogues.en.has(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it("names every role, organisation status and event kind", () => {
    const dynamic = [
      ...ROLES.map((role) => `roles.${role}`),
      ...["active", "dissolved", "merged", "split"].map((status) => `orgStatus.${status}`),
      ...["create", "rename", "move", "merge", "split", "dissolve"].map((kind) => `orgEvent.${kind}`),
      ...["merge", "split"].flatMap((kind) => [
        `history.lineage.${kind}.from`,
        `history.lineage.${kind}.into`,
      ]),
    ];
    for (const key of dynamic) {
      expect(catalogues.vi.has(key), `vi: ${key}`).toBe(true);
      expect(catalogues.en.has(key), `en: ${key}`).toBe(true);
    }
  });

  it("has a label for every audit action and entity type the log knows", () => {
    const keys = [
      ...AUDIT_ACTIONS.map((action) => `auditAction.${action.replace(/\./g, "_")}`),
      ...AUDIT_ENTITY_TYPES.map((type) => `auditEntity.${type}`),
    ];
    const missing = keys.filter((key) => !catalogues.vi.has(key) || !catalogues.en.has(key));
    expect(missing).toEqual([]);
  });
});
