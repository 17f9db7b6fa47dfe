// One line per child organisation of the node that holds targets, with its counts; a child with
// targets beneath it opens one level down.
import { RightOutlined } from "@ant-design/icons";
import type { CoverageGroup } from "@namro/contracts";
import { Card, List, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CoverageNumbers, IssuedProgress } from "./CoverageNumbers.tsx";

const GROUPS_PAGE_SIZE = 20;

/** Card titles are the page's second-level headings (screen readers list them). */
export function CardHeading({ children }: { children: string }) {
  return <h2 style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>{children}</h2>;
}

export function CoverageGroups({
  groups,
  drillLink,
}: {
  groups: readonly CoverageGroup[];
  /** A link to the coverage one level down, at this child. */
  drillLink: (orgId: number, children: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  // When every child is itself a target with nothing below it, the target table already lists them.
  if (!groups.some((group) => group.hasTargetsBelow)) return null;
  return (
    <Card
      size="small"
      title={<CardHeading>{t("documentCoverage.groups.title")}</CardHeading>}
      style={{ marginBottom: 12 }}
    >
      <List<CoverageGroup>
        size="small"
        dataSource={[...groups]}
        pagination={groups.length > GROUPS_PAGE_SIZE ? { pageSize: GROUPS_PAGE_SIZE, size: "small" } : false}
        data-testid="coverage-groups"
        renderItem={(group) => (
          <List.Item
            data-testid="coverage-group"
            actions={
              group.hasTargetsBelow
                ? [
                    <span key="open" data-testid="coverage-group-open">
                      {drillLink(
                        group.orgId,
                        <>
                          {t("documentCoverage.groups.open")}
                          <span className="sr-only"> {group.orgName}</span> <RightOutlined />
                        </>,
                      )}
                    </span>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                group.hasTargetsBelow ? (
                  drillLink(group.orgId, <span data-testid="coverage-group-name">{group.orgName}</span>)
                ) : (
                  <span data-testid="coverage-group-name">{group.orgName}</span>
                )
              }
              description={
                <div>
                  {group.isTarget && <Tag>{t("documentCoverage.groups.isTarget")}</Tag>}
                  <IssuedProgress totals={group.totals} />
                  <CoverageNumbers totals={group.totals} />
                </div>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
