// Units named in a plan matched to organisations: each distinct name is searched among the
// organisations the actor sees (abbreviations already spelled out: "UBKT" → "Ủy ban Kiểm tra"), those
// under the committee first. One is chosen only when exactly one candidate under the committee bears
// the name itself, or the name begins exactly one candidate's name ("Ban Tổ chức" → "Ban Tổ chức Tỉnh
// ủy"); otherwise the person picks among the candidates.
import type { OrgSearchHit, PlanUnitMatch } from "@namro/contracts";
import { toSearchKey, type UnitSpan } from "@namro/domain";

/** Candidates offered per unit name. */
export const UNIT_CANDIDATES = 6;
/** Distinct names searched per check; the rest are left for the person to pick. */
export const MAX_UNIT_SEARCHES = 80;

export interface UnitCommittee {
  id: number;
  name: string;
}

export type OrgSearch = (q: string, limit: number) => Promise<OrgSearchHit[]>;

const underCommittee = (hit: OrgSearchHit, committee: UnitCommittee | null) =>
  committee !== null && (hit.id === committee.id || hit.pathNames.includes(committee.name));

/** Picks the organisation a name clearly is, else null. */
export function chooseCandidate(
  name: string,
  hits: readonly OrgSearchHit[],
  committee: UnitCommittee | null,
): number | null {
  const key = toSearchKey(name);
  const inside = committee === null ? hits : hits.filter((h) => underCommittee(h, committee));
  const exact = inside.filter((h) => toSearchKey(h.name) === key);
  if (exact.length === 1) return (exact[0] as OrgSearchHit).id;
  if (exact.length > 1) return null;
  const prefixed = inside.filter((h) => toSearchKey(h.name).startsWith(`${key} `));
  return prefixed.length === 1 ? (prefixed[0] as OrgSearchHit).id : null;
}

/** Searches every distinct non-generic name once (in the order first named). */
export async function matchUnits(
  units: readonly UnitSpan[],
  search: OrgSearch,
  committee: UnitCommittee | null,
): Promise<PlanUnitMatch[]> {
  const names = [...new Set(units.filter((u) => !u.generic).map((u) => u.name))].slice(0, MAX_UNIT_SEARCHES);
  const matches: PlanUnitMatch[] = [];
  for (const name of names) {
    // more than shown, so candidates under the committee are not crowded out by others
    const hits = await search(name, UNIT_CANDIDATES * 3);
    const ordered = [
      ...hits.filter((h) => underCommittee(h, committee)),
      ...hits.filter((h) => !underCommittee(h, committee)),
    ];
    matches.push({
      name,
      candidates: ordered
        .slice(0, UNIT_CANDIDATES)
        .map((h) => ({ id: h.id, name: h.name, pathNames: h.pathNames })),
      orgId: chooseCandidate(name, hits, committee),
    });
  }
  return matches;
}
