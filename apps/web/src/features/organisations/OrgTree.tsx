// The tree of the person's scope, loading each level when it is opened. antd's Tree is keyboard
// navigable (arrows to move and open, Enter to open the organisation).
import { type OrgSummary, organisationRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import type { TreeDataNode } from "antd";
import { Alert, Spin, Tree } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { OrgStatusTag } from "./OrgStatusTag.tsx";
import { useOrgTypeName } from "./org-types.ts";

interface Props {
  asOf: string | undefined;
  onOpen: (id: number) => void;
}

interface Node extends TreeDataNode {
  key: string;
  children?: Node[];
}

function replaceChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children };
    if (node.children) return { ...node, children: replaceChildren(node.children, key, children) };
    return node;
  });
}

export function OrgTree({ asOf, onOpen }: Props) {
  const { t } = useTranslation();
  const typeName = useOrgTypeName();
  const queryClient = useQueryClient();
  const [nodes, setNodes] = useState<Node[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [expanded, setExpanded] = useState<React.Key[]>([]);

  const toNode = useCallback(
    (org: OrgSummary): Node => ({
      key: String(org.id),
      isLeaf: org.childCount === 0,
      title: (
        <span data-testid="org-tree-node" data-org-id={org.id}>
          {org.name}{" "}
          <span className="muted" style={{ fontSize: 12 }}>
            · {typeName(org.typeCode)}
            {org.childCount > 0 ? ` · ${formatNumber(org.childCount)}` : ""}
          </span>{" "}
          <OrgStatusTag status={org.status} onlyClosed />
        </span>
      ),
    }),
    [typeName],
  );

  useEffect(() => {
    let cancelled = false;
    setNodes(null);
    setError(null);
    queryClient
      .fetchQuery({
        queryKey: ["organisations", "roots", asOf ?? null],
        queryFn: () => apiCall(organisationRoutes.listRoots, { query: { asOf } }),
      })
      .then((result) => {
        if (cancelled) return;
        setNodes(result.items.map(toNode));
        // One root: open it straight away, people nearly always want its units.
        if (result.items.length === 1 && result.items[0] && result.items[0].childCount > 0) {
          setExpanded([String(result.items[0].id)]);
        }
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught);
      });
    return () => {
      cancelled = true;
    };
    // toNode changes with the language; the tree is rebuilt then.
  }, [asOf, queryClient, toNode]);

  const loadData = async (node: { key: React.Key; children?: unknown }) => {
    if (node.children) return;
    const id = Number(node.key);
    const result = await queryClient.fetchQuery({
      queryKey: ["organisations", "children", id, asOf ?? null],
      queryFn: () => apiCall(organisationRoutes.listChildren, { params: { id }, query: { asOf } }),
    });
    setNodes((current) =>
      current ? replaceChildren(current, String(node.key), result.items.map(toNode)) : current,
    );
  };

  if (error) return <Alert type="error" showIcon title={errorText(error, t)} />;
  if (!nodes) return <Spin />;
  if (nodes.length === 0) return <Alert type="info" title={t("orgs.emptyTree")} />;
  return (
    <Tree<Node>
      data-testid="org-tree"
      aria-label={t("orgs.treeLabel")}
      treeData={nodes}
      loadData={loadData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={[]}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onOpen(Number(key));
      }}
      blockNode
      showLine
    />
  );
}
