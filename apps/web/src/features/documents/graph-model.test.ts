import type { DocumentGraph, DocumentSummary } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { documentName } from "./document-symbol.ts";
import { graphModel } from "./graph-model.ts";

function summary(id: number, typeAbbreviation: string, symbol: string, typeName: string): DocumentSummary {
  return {
    id,
    system: "party",
    typeId: 1,
    typeAbbreviation,
    typeName,
    number: symbol.split("-")[0] ?? null,
    issuerCodes: ["TW"],
    symbol,
    citation: null,
    issuedOn: "2021-10-25",
    subject: `Văn bản ${id}`,
    status: "in_force",
    confidentiality: "normal",
    isPlaceholder: false,
    ownerOrgId: 1,
    ownerOrgName: "Tỉnh ủy",
    issuingOrgId: null,
    issuingOrgName: null,
  };
}

describe("graphModel", () => {
  const graph: DocumentGraph = {
    nodes: [
      { id: 1, document: summary(1, "KL", "21-KL/TW", "Kết luận") },
      { id: 2, document: summary(2, "KH", "15-KH/TU", "Kế hoạch") },
      { id: 3, document: null },
      { id: 4, document: summary(4, "KH", "03-KH/ĐU", "Kế hoạch") },
    ],
    edges: [
      { from: 2, to: 1, kind: "implements" },
      { from: 4, to: 2, kind: "implements" },
      { from: 3, to: 2, kind: "refers_to" },
      { from: 9, to: 2, kind: "refers_to" },
    ],
    truncated: false,
  };

  it("names visible documents, hides the others, one category per type", () => {
    const model = graphModel(graph, 2, "Ngoài phạm vi", (document) => documentName(document));
    expect(model.nodes.map((node) => [node.name, node.category, node.visible])).toEqual([
      ["Kết luận số 21-KL/TW", 0, true],
      ["Kế hoạch số 15-KH/TU", 1, true],
      ["Ngoài phạm vi", 2, false],
      ["Kế hoạch số 03-KH/ĐU", 1, true],
    ]);
    expect(model.categories.map((category) => category.name)).toEqual(["KL", "KH", "—"]);
    expect(model.nodes.map((node) => node.origin)).toEqual(["Tỉnh ủy", "Tỉnh ủy", "", "Tỉnh ủy"]);
  });

  it("draws the page's document larger and colours arrows by kind, dropping edges to unknown nodes", () => {
    const model = graphModel(graph, 2, "Ngoài phạm vi", (document) => documentName(document));
    expect(model.nodes.find((node) => node.documentId === 2)?.symbolSize).toBeGreaterThan(
      model.nodes.find((node) => node.documentId === 1)?.symbolSize ?? 0,
    );
    expect(model.edges.map((edge) => `${edge.source}->${edge.target}:${edge.kind}`)).toEqual([
      "2->1:implements",
      "4->2:implements",
      "3->2:refers_to",
    ]);
    expect(model.edges[0]?.lineStyle.color).not.toBe(model.edges[2]?.lineStyle.color);
  });
});
