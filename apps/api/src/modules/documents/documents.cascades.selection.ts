// A cascade's selection: checked and expanded once into its targets when the cascade is created (named
// organisations, or every active organisation of the chosen types strictly under a root), and read
// back as a short label ("Đảng ủy xã / phường / đặc khu trong Tỉnh ủy Hà Tĩnh", "3 tổ chức") that names
// to a reader who does not manage the holder only the organisations within the reader's scope.
import { CASCADE_TARGET_LIMIT, type CascadeSelection, type Locale } from "@namro/contracts";
import { type Actor, isWithin, scopePaths } from "../../platform/auth/actor.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import { mayTarget } from "./documents.cascades.policy.ts";
import * as repo from "./documents.cascades.repository.ts";

function refused(code: Parameters<typeof issue>[1], path: string): AppError {
  return new AppError(code, { issues: [issue(path, code)] });
}

function issue(
  path: string,
  code:
    | "DOCUMENT_CASCADE_TARGET_OUTSIDE_SCOPE"
    | "DOCUMENT_CASCADE_TYPE_UNKNOWN"
    | "DOCUMENT_CASCADE_NO_TARGETS"
    | "DOCUMENT_CASCADE_TOO_MANY_TARGETS",
): FieldIssue {
  return { path, message: code };
}

/** The target ids of a selection, or a refusal naming every offending field. */
export async function expandSelection(
  executor: repo.Executor,
  actor: Actor,
  ownerPath: string,
  selection: CascadeSelection,
): Promise<number[]> {
  if (selection.kind === "orgs") {
    const ids = [...new Set(selection.orgIds)];
    const orgs = new Map((await repo.findOrgs(executor, ids)).map((org) => [org.id, org]));
    const issues: FieldIssue[] = [];
    selection.orgIds.forEach((id, index) => {
      const org = orgs.get(id);
      if (!org || !mayTarget(actor, ownerPath, org)) {
        issues.push(issue(`body.selection.orgIds.${index}`, "DOCUMENT_CASCADE_TARGET_OUTSIDE_SCOPE"));
      }
    });
    if (issues.length > 0) throw new AppError("DOCUMENT_CASCADE_TARGET_OUTSIDE_SCOPE", { issues });
    return ids;
  }

  const typeCodes = [...new Set(selection.typeCodes)];
  const known = new Set((await repo.findOrgTypeNames(executor, typeCodes)).map((type) => type.code));
  const unknown = selection.typeCodes.flatMap((code, index) =>
    known.has(code) ? [] : [issue(`body.selection.typeCodes.${index}`, "DOCUMENT_CASCADE_TYPE_UNKNOWN")],
  );
  if (unknown.length > 0) throw new AppError("DOCUMENT_CASCADE_TYPE_UNKNOWN", { issues: unknown });
  const [root] = await repo.findOrgs(executor, [selection.rootOrgId]);
  // The root may be the holder itself; its targets lie strictly under it, hence under the holder.
  const manages = scopePaths(actor, "document.manage");
  if (!root || !isWithin(root.path, ownerPath) || !manages.some((scope) => isWithin(root.path, scope))) {
    throw refused("DOCUMENT_CASCADE_TARGET_OUTSIDE_SCOPE", "body.selection.rootOrgId");
  }
  const ids = await repo.findActiveOrgIdsOfTypes(
    executor,
    root.path,
    typeCodes,
    manages,
    CASCADE_TARGET_LIMIT + 1,
  );
  if (ids.length === 0) throw refused("DOCUMENT_CASCADE_NO_TARGETS", "body.selection.typeCodes");
  if (ids.length > CASCADE_TARGET_LIMIT) throw refused("DOCUMENT_CASCADE_TOO_MANY_TARGETS", "body.selection");
  return ids;
}

const NAMED_IN_LABEL = 3;

/**
 * One label per selection, in the reader's language, with a few lookups for all of them.
 * `readerScope` is null for a reader who manages the holder (every target named, up to three);
 * otherwise the paths the reader may read: only targets inside them are named, the others counted,
 * and a type selection's root is named only when the reader lies under it or may read it.
 */
export async function describeSelections(
  executor: repo.Executor,
  selections: readonly CascadeSelection[],
  locale: Locale,
  readerScope: readonly string[] | null = null,
): Promise<string[]> {
  const orgIds = new Set<number>();
  const typeCodes = new Set<string>();
  for (const selection of selections) {
    if (selection.kind === "orgs") {
      const ids = readerScope === null ? selection.orgIds.slice(0, NAMED_IN_LABEL) : selection.orgIds;
      for (const id of ids) orgIds.add(id);
    } else {
      orgIds.add(selection.rootOrgId);
      for (const code of selection.typeCodes) typeCodes.add(code);
    }
  }
  const [orgs, types] = await Promise.all([
    repo.findOrgs(executor, [...orgIds]),
    repo.findOrgTypeNames(executor, [...typeCodes]),
  ]);
  const known = new Map(orgs.map((org) => [org.id, org]));
  const nameable = (id: number) => {
    const org = known.get(id);
    if (!org) return undefined;
    if (readerScope === null) return org.name;
    return readerScope.some((scope) => isWithin(org.path, scope)) ? org.name : undefined;
  };
  const typeName = new Map(types.map((type) => [type.code, locale === "en" ? type.nameEn : type.nameVi]));
  return selections.map((selection) => {
    if (selection.kind === "types") {
      const kinds = selection.typeCodes.map((code) => typeName.get(code) ?? code).join(", ");
      const root = known.get(selection.rootOrgId);
      const rootShown =
        root !== undefined &&
        (readerScope === null ||
          readerScope.some((scope) => isWithin(scope, root.path) || isWithin(root.path, scope)));
      if (!rootShown) return kinds;
      return locale === "en" ? `${kinds} under ${root.name}` : `${kinds} trong ${root.name}`;
    }
    const named = selection.orgIds
      .flatMap((id) => {
        const name = nameable(id);
        return name === undefined ? [] : [name];
      })
      .slice(0, NAMED_IN_LABEL);
    const more = selection.orgIds.length - named.length;
    if (named.length === 0) return locale === "en" ? `${more} organisations` : `${more} tổ chức`;
    if (more === 0) return named.join(", ");
    return locale === "en"
      ? `${named.join(", ")} and ${more} more`
      : `${named.join(", ")} và ${more} tổ chức khác`;
  });
}
