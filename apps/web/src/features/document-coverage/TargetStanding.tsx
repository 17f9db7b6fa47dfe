// A target's status tag, its implementing document (linked, or "issued" when outside the reader's
// scope), and its days late / overdue / left.
import type { CoverageTarget } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useDocumentNaming } from "../documents/document-symbol.ts";
import { STATUS_COLORS, timelinessOf } from "./coverage-labels.ts";

export function TargetStatusTag({ target }: { target: CoverageTarget }) {
  const { t } = useTranslation();
  const overdue = target.status === "missing" && (target.daysOverdue ?? 0) > 0;
  return (
    <Tag
      color={overdue ? "volcano" : STATUS_COLORS[target.status]}
      data-testid="target-status"
      data-status={target.status}
      style={{ marginInlineEnd: 0 }}
    >
      {overdue ? t("documentCoverage.status.overdue") : t(`documentCoverage.status.${target.status}`)}
    </Tag>
  );
}

export function ImplementingDocument({ target }: { target: CoverageTarget }) {
  const { t } = useTranslation();
  const { nameOf, symbolOf } = useDocumentNaming();
  const implementation = target.implementation;
  if (!implementation) return <span className="muted">—</span>;
  const document = implementation.document;
  if (!document)
    return (
      <span className="muted" data-testid="target-document-hidden">
        {t("documentCoverage.targets.issuedOutOfView")}
      </span>
    );
  return (
    <Link to="/documents/$id" params={{ id: String(document.id) }} data-testid="target-document">
      {symbolOf(document) ?? nameOf(document)}
    </Link>
  );
}

export function Timeliness({
  target,
  deadline,
  today,
}: {
  target: CoverageTarget;
  deadline: string;
  today: string;
}) {
  const { t } = useTranslation();
  const timeliness = timelinessOf(target, deadline, today);
  return (
    <span
      data-testid="target-timeliness"
      style={
        timeliness.key === "overdue" || timeliness.key === "late" || timeliness.key === "lateUndisclosed"
          ? { color: "#cf1322" }
          : undefined
      }
    >
      {t(`documentCoverage.timeliness.${timeliness.key}`, { n: timeliness.days })}
    </span>
  );
}
