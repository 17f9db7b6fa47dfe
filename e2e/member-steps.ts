// Steps shared by the member registry journeys: a fresh, empty cell in the demo province, so what a
// journey counts does not depend on the demo members.
import { expect } from "vitest";
import type { apiSession } from "./journey-steps.ts";

export interface OrgRef {
  id: number;
  name: string;
}

type Api = Awaited<ReturnType<typeof apiSession>>;

/** A new cell beside one of the demo cells (same parent and type), founded when its parent was. */
export async function createEmptyCell(api: Api, name: string): Promise<OrgRef> {
  const someone = await api.get<{ items: { orgId: number }[] }>("/api/members?pageSize=1");
  const demoCell = await api.get<{ typeCode: string; ancestors: OrgRef[] }>(
    `/api/organisations/${someone.items[0]?.orgId}`,
  );
  const parentRef = demoCell.ancestors.at(-1);
  expect(parentRef, "the demo cell's parent").toBeDefined();
  const parent = await api.get<{ id: number; validFrom: string }>(`/api/organisations/${parentRef?.id}`);
  const created = await api.post<{ organisations: OrgRef[] }>("/api/organisations", {
    name,
    typeCode: demoCell.typeCode,
    parentId: parent.id,
    effectiveDate: parent.validFrom,
    decisionRef: `Quyết định thành lập ${name}`,
  });
  return created.organisations[0] as OrgRef;
}
