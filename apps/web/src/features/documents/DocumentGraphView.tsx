// The relation graph, a few steps both ways, drawn with ECharts' force layout (only the graph chart
// and its components are bundled). Clicking a document opens it. The same relations are listed in a
// table under the drawing, which screen readers and keyboards use.

import { Link, useNavigate } from "@tanstack/react-router";
import { Alert, Empty, Grid, Segmented, Space, Spin, Table, Tag } from "antd";
import type { GraphSeriesOption } from "echarts/charts";
import { GraphChart } from "echarts/charts";
import type { LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { LegendComponent, TooltipComponent } from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/errors.ts";
import { RELATION_COLORS } from "./document-labels.ts";
import { useDocumentGraph } from "./document-queries.ts";
import { useDocumentNaming } from "./document-symbol.ts";
import { type GraphEdge, type GraphModel, type GraphNode, graphModel } from "./graph-model.ts";

use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<GraphSeriesOption | LegendComponentOption | TooltipComponentOption>;

const MAX_LABELLED_NODES = 24;

function GraphCanvas({ model, label, roam }: { model: GraphModel; label: string; roam: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (params) => {
      const data = params.data as Partial<GraphNode> | undefined;
      if (params.dataType === "node" && data?.visible && data.documentId)
        void navigate({ to: "/documents/$id", params: { id: String(data.documentId) } });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [navigate]);

  useEffect(() => {
    const option: Option = {
      tooltip: {
        formatter: (params) => {
          const item = Array.isArray(params) ? params[0] : params;
          const data = item?.data as Partial<GraphNode> | undefined;
          // Text only: ECharts puts the tooltip in the page as HTML.
          if (!data?.name) return "";
          const named = data.origin ? `${data.name} (${data.origin})` : data.name;
          return escapeHtml(data.subject ? `${named} — ${data.subject}` : named);
        },
      },
      legend: [{ data: model.categories.map((category) => category.name), bottom: 0, type: "scroll" }],
      series: [
        {
          type: "graph",
          layout: "force",
          // Room at the bottom for the legend of types.
          top: 16,
          bottom: 48,
          // On a phone, panning and zooming would capture the finger that scrolls the page.
          roam,
          draggable: true,
          force: { repulsion: 220, edgeLength: 90 },
          edgeSymbol: ["none", "arrow"],
          edgeSymbolSize: 8,
          // Many names at once overlap: then only the page's document is named (the rest on hover).
          label: { show: model.nodes.length <= MAX_LABELLED_NODES, position: "right", fontSize: 11 },
          categories: model.categories,
          data: model.nodes,
          links: model.edges,
          lineStyle: { width: 2, curveness: 0.1, opacity: 0.9 },
          emphasis: { focus: "adjacency" },
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [model, roam]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid="document-graph-canvas"
      style={{ width: "100%", height: 420, cursor: "pointer" }}
    />
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function DocumentGraphView({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  // One step first: a directive every commune implements already draws hundreds of nodes.
  const [depth, setDepth] = useState(1);
  const { nameOf } = useDocumentNaming();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const graph = useDocumentGraph(documentId, depth, true);
  const model = useMemo(
    () => (graph.data ? graphModel(graph.data, documentId, t("documents.graph.hidden"), nameOf) : null),
    // nameOf follows the language, as t does.
    [graph.data, documentId, t],
  );
  const nodeById = useMemo(() => new Map(model?.nodes.map((node) => [node.id, node]) ?? []), [model]);

  return (
    <div data-testid="document-graph">
      <Space wrap style={{ marginBottom: 8 }}>
        <span className="muted">{t("documents.graph.depth")}</span>
        <Segmented<number>
          value={depth}
          onChange={setDepth}
          options={[1, 2, 3].map((value) => ({ value, label: String(value) }))}
          aria-label={t("documents.graph.depth")}
          data-testid="document-graph-depth"
        />
        <Space size={[4, 4]} wrap>
          {(Object.keys(RELATION_COLORS) as (keyof typeof RELATION_COLORS)[]).map((kind) => (
            <Tag key={kind} color={RELATION_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
              {t(`documents.relationKind.${kind}`)}
            </Tag>
          ))}
        </Space>
      </Space>
      {graph.isError && <Alert type="error" showIcon title={errorText(graph.error, t)} />}
      {graph.isPending && <Spin style={{ display: "block", margin: 24 }} />}
      {model && model.edges.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("documents.graph.empty")} />
      )}
      {model && model.edges.length > 0 && (
        <>
          {graph.data?.truncated && (
            <Alert type="info" showIcon title={t("documents.graph.truncated")} style={{ marginBottom: 8 }} />
          )}
          <GraphCanvas
            model={model}
            roam={isDesktop}
            label={t("documents.graph.label", { n: model.nodes.length })}
          />
          <Table<GraphEdge>
            size="small"
            style={{ marginTop: 12 }}
            pagination={{ pageSize: 20, size: "small", hideOnSinglePage: true, showSizeChanger: false }}
            rowKey={(edge) => `${edge.source}-${edge.kind}-${edge.target}`}
            dataSource={model.edges}
            data-testid="document-graph-table"
            scroll={{ x: "max-content" }}
            columns={[
              {
                title: t("documents.graph.from"),
                key: "from",
                render: (_, edge) => <NodeName node={nodeById.get(edge.source)} />,
              },
              {
                title: t("documents.relations.kind"),
                key: "kind",
                render: (_, edge) => (
                  <Tag color={RELATION_COLORS[edge.kind]}>{t(`documents.relationKind.${edge.kind}`)}</Tag>
                ),
              },
              {
                title: t("documents.graph.to"),
                key: "to",
                render: (_, edge) => <NodeName node={nodeById.get(edge.target)} />,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

function NodeName({ node }: { node: GraphNode | undefined }) {
  if (!node) return null;
  if (!node.visible) return <span className="muted">{node.name}</span>;
  return (
    <span>
      <Link to="/documents/$id" params={{ id: String(node.documentId) }}>
        {node.name}
      </Link>
      <span className="muted" style={{ marginInlineStart: 6 }} data-testid="graph-node-origin">
        {node.origin}
      </span>
    </span>
  );
}
