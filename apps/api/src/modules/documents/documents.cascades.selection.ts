// A cascade's selection: checked and expanded once into its targets when the cascade is created (named
// organisations, or every active organisation of the chosen types strictly under a root), and read
// back as a short label ("Đảng ủy xã / phường / đặc khu trong Tỉnh ủy Hà Tĩnh", "3 tổ chức") that names
// to a reader who does not manage the holder only the organisations within the reader's scope.
import { CASCADE_TARGET_LIMIT, type CascadeSelection, type Locale } from "@namro/contracts";
import type { Actor } from "../../platform/auth/actor.ts";
import { isWithin } from "../../platform/auth/actor.ts";
import { expandOrgSelection } from "../../platform/auth/org-selection.ts";
import * as repo from "./documents.cascades.repository.ts";

/** The target ids of a selection, or a refusal naming every offending field. */
export async function expandSelection(
  executor: repo.Executor,
  actor: Actor,
  ownerPath: string,
  selection: CascadeSelection,
): Promise<number[]> {
  return expandOrgSelection(executor, actor, ownerPath, selection, {
    permission: "document.manage",
    limit: CASCADE_TARGET_LIMIT,
    codes: {
      outsideScope: "DOCUMENT_CASCADE_TARGET_OUTSIDE_SCOPE",
      typeUnknown: "DOCUMENT_CASCADE_TYPE_UNKNOWN",
      noTargets: "DOCUMENT_CASCADE_NO_TARGETS",
      tooMany: "DOCUMENT_CASCADE_TOO_MANY_TARGETS",
    },
  });
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
