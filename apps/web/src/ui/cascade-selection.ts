// Choosing organisations a task or document is cascaded to ("who must do it"): the person's choice as
// the request's selection, and the server's field paths as the form's field names.
import type { CascadeSelection } from "@namro/contracts";

export type CascadeMode = "types" | "orgs";

export interface CascadeChoice {
  mode: CascadeMode;
  orgIds?: number[];
  rootOrgId?: number;
  typeCodes?: string[];
}

/** Whether the choice names someone: organisations, or types and a root. */
export function isChoiceComplete(choice: CascadeChoice): boolean {
  return choice.mode === "orgs"
    ? (choice.orgIds?.length ?? 0) > 0
    : (choice.typeCodes?.length ?? 0) > 0 && choice.rootOrgId !== undefined;
}

export function selectionOf(choice: CascadeChoice): CascadeSelection {
  return choice.mode === "orgs"
    ? { kind: "orgs", orgIds: choice.orgIds ?? [] }
    : { kind: "types", rootOrgId: choice.rootOrgId ?? 0, typeCodes: choice.typeCodes ?? [] };
}

/** "body.selection.orgIds.3" → "orgIds": the server names fields by their place in the request. */
export function formFieldOfIssue(path: string): string {
  if (path.includes("selection.orgIds")) return "orgIds";
  if (path.includes("selection.rootOrgId")) return "rootOrgId";
  if (path.includes("selection.typeCodes") || path.endsWith("selection")) return "typeCodes";
  return path.replace(/^body\./, "");
}

/**
 * Codes of the types an organisation of type `rootTypeCode` can have anywhere below it, following the
 * organisation type rules (allowed child types) down every level. Null root type: all types.
 */
export function typeCodesBelow(
  types: readonly { code: string; allowedChildTypes: readonly string[] }[],
  rootTypeCode: string | null,
): Set<string> {
  if (rootTypeCode === null) return new Set(types.map((type) => type.code));
  const children = new Map(types.map((type) => [type.code, type.allowedChildTypes]));
  const below = new Set<string>();
  const queue = [...(children.get(rootTypeCode) ?? [])];
  while (queue.length > 0) {
    const code = queue.shift() as string;
    if (below.has(code)) continue;
    below.add(code);
    queue.push(...(children.get(code) ?? []));
  }
  return below;
}
