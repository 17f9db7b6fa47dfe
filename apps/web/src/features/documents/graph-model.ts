// The relation graph as ECharts draws it: one node per document (coloured by its type; a document
// outside the person's scope is grey and unnamed), one arrow per relation (coloured by its kind).
import type { DocumentGraph, DocumentRelationKind, DocumentSummary } from "@namro/contracts";
import { RELATION_COLORS } from "./document-labels.ts";
import { documentOrigin } from "./document-symbol.ts";

export const HIDDEN_CATEGORY = "—";

export interface GraphNode {
  id: string;
  /** The page's own document is always named, even when the others are only named on hover. */
  label?: { show: boolean };
  documentId: number;
  name: string;
  subject: string;
  /** Who the document comes from (same-named plans of different communes are told apart by it). */
  origin: string;
  category: number;
  symbolSize: number;
  visible: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: DocumentRelationKind;
  lineStyle: { color: string };
}

export interface GraphModel {
  categories: { name: string }[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function graphModel(
  graph: DocumentGraph,
  centreId: number,
  hiddenName: string,
  nameOf: (document: DocumentSummary) => string,
): GraphModel {
  const categoryNames: string[] = [];
  const categoryOf = (name: string) => {
    let index = categoryNames.indexOf(name);
    if (index < 0) index = categoryNames.push(name) - 1;
    return index;
  };
  const nodes = graph.nodes.map((node) => {
    const document = node.document;
    return {
      id: String(node.id),
      documentId: node.id,
      name: document ? nameOf(document) : hiddenName,
      subject: document?.subject ?? "",
      origin: document ? documentOrigin(document) : "",
      category: categoryOf(document ? document.typeAbbreviation : HIDDEN_CATEGORY),
      symbolSize: node.id === centreId ? 34 : 20,
      visible: document !== null,
      ...(node.id === centreId ? { label: { show: true } } : {}),
    };
  });
  const known = new Set(nodes.map((node) => node.id));
  const edges = graph.edges
    .filter((edge) => known.has(String(edge.from)) && known.has(String(edge.to)))
    .map((edge) => ({
      source: String(edge.from),
      target: String(edge.to),
      kind: edge.kind,
      lineStyle: { color: RELATION_COLORS[edge.kind] },
    }));
  return { categories: categoryNames.map((name) => ({ name })), nodes, edges };
}
