// The clears of a task, each with its grade and why: on the form as it is filled in (computed in the
// browser against the owner's clear-set, with the same rule the server stores) and on the task's page.
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  MinusCircleOutlined,
} from "@ant-design/icons";
import type { TaskClear } from "@namro/contracts";
import { checkTaskClears, type TaskClearFields } from "@namro/domain";
import { Alert, Card, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/errors.ts";
import { useClearSet } from "./task-queries.ts";

type Clear = Pick<TaskClear, "key" | "label" | "grade" | "reason">;

const ICONS = {
  present: <CheckCircleFilled style={{ color: "#389e0d" }} aria-hidden />,
  weak: <ExclamationCircleFilled style={{ color: "#d48806" }} aria-hidden />,
  missing: <CloseCircleFilled style={{ color: "#cf1322" }} aria-hidden />,
};

/** Before the form is touched a missing clear is not an error yet: shown grey, not red. */
const NOT_YET = <MinusCircleOutlined style={{ color: "#8c8c8c" }} aria-hidden />;

export function ClearsList({ clears, neutral = false }: { clears: readonly Clear[]; neutral?: boolean }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith("en");
  return (
    <ul
      className="task-clears"
      style={{ listStyle: "none", padding: 0, margin: 0 }}
      data-testid="task-clears"
    >
      {clears.map((clear) => (
        <li
          key={clear.key}
          data-testid="task-clear"
          data-clear={clear.key}
          data-grade={clear.grade}
          style={{ display: "flex", gap: 8, alignItems: "flex-start", padding: "4px 0" }}
        >
          <span style={{ paddingTop: 2 }}>
            {neutral && clear.grade !== "present" ? NOT_YET : ICONS[clear.grade]}
          </span>
          <span>
            <strong>{english ? clear.label.en : clear.label.vi}</strong>{" "}
            <span className="muted">({t(`tasks.clears.grade.${clear.grade}`)})</span>
            <div style={{ fontSize: 13 }}>{english ? clear.reason.en : clear.reason.vi}</div>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Whether the task has every clear, said in words above the list. */
export function ClearsSummary({ clears, neutral = false }: { clears: readonly Clear[]; neutral?: boolean }) {
  const { t } = useTranslation();
  const lacking = clears.filter((clear) => clear.grade !== "present").length;
  return (
    <Alert
      type={lacking === 0 ? "success" : neutral ? "info" : "error"}
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="task-clears-summary"
      data-tone={lacking === 0 ? "success" : neutral ? "neutral" : "error"}
      title={
        lacking === 0
          ? t("tasks.clears.allPresent", { n: clears.length })
          : t("tasks.clears.lacking", { n: lacking, total: clears.length })
      }
    />
  );
}

/**
 * The live panel of the form: the owner's clear-set, graded on the fields as they stand. Until the
 * user has touched the form (`touched`), what is missing is shown neutrally, not as an error.
 */
export function LiveClearsPanel({
  ownerOrgId,
  fields,
  touched = true,
}: {
  ownerOrgId: number | undefined;
  fields: TaskClearFields;
  touched?: boolean;
}) {
  const { t } = useTranslation();
  const set = useClearSet(ownerOrgId);
  let body: React.ReactNode;
  if (ownerOrgId === undefined) body = <span className="muted">{t("tasks.clears.chooseOwner")}</span>;
  else if (set.isError) body = <Alert type="warning" showIcon title={errorText(set.error, t)} />;
  else if (!set.data) body = <Spin size="small" />;
  else {
    const clears = checkTaskClears(fields, set.data.clears);
    body = (
      <>
        <ClearsSummary clears={clears} neutral={!touched} />
        <ClearsList clears={clears} neutral={!touched} />
        {set.data.sourceOrgName && (
          <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
            {t("tasks.clears.setFrom", { name: set.data.sourceOrgName })}
          </div>
        )}
      </>
    );
  }
  return (
    <Card size="small" title={t("tasks.clears.title")} data-testid="task-clears-panel" aria-live="polite">
      {body}
    </Card>
  );
}
