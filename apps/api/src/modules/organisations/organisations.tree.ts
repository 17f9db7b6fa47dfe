// Pure helpers on ltree paths of ids and on effective dates.
import { compareVietnamese } from "@namro/domain";
import { isWithin } from "../../platform/auth/actor.ts";

/** "1.5.9" → [1, 5, 9]. */
export function pathIds(path: string): number[] {
  return path === "" ? [] : path.split(".").map(Number);
}

/** Ids of the ancestors, root first, without the organisation itself. */
export function ancestorIds(path: string): number[] {
  return pathIds(path).slice(0, -1);
}

/** Ancestors (root first) that lie inside one of the visible subtrees: never a name above the scope. */
export function visibleAncestorIds(path: string, scopes: string[]): number[] {
  const ids = pathIds(path);
  const visible: number[] = [];
  for (let i = 0; i < ids.length - 1; i++) {
    const prefix = ids.slice(0, i + 1).join(".");
    if (scopes.some((root) => isWithin(prefix, root))) visible.push(ids[i] as number);
  }
  return visible;
}

/** The latest of some ISO dates (null when there is none). */
export function latestDate(dates: readonly (string | null | undefined)[]): string | null {
  let latest: string | null = null;
  for (const date of dates) if (date && (latest === null || date > latest)) latest = date;
  return latest;
}

export interface Ranked {
  rank: number;
  name: string;
}

/** Search order: match kind, then shorter names, then Vietnamese alphabetical order. */
export function compareSearchHits(a: Ranked, b: Ranked): number {
  return a.rank - b.rank || a.name.length - b.name.length || compareVietnamese(a.name, b.name);
}

/** Tree order: by type order (committees before departments), then Vietnamese alphabetical order. */
export function compareTreeItems(
  a: { name: string; typeCode: string },
  b: { name: string; typeCode: string },
  typeOrder: ReadonlyMap<string, number>,
): number {
  return (
    (typeOrder.get(a.typeCode) ?? 0) - (typeOrder.get(b.typeCode) ?? 0) || compareVietnamese(a.name, b.name)
  );
}
