// "Kiểm tra kế hoạch": a draft plan pasted or uploaded is read for its tasks and the five clears of each
// (nothing is stored). Each task shows the words found per clear in its text and why a clear is weak or
// missing; the person corrects what was misread and creates the chosen tasks in a registered plan.
import { InboxOutlined, PaperClipOutlined, SearchOutlined } from "@ant-design/icons";
import {
  DOCUMENT_FILE_MAX_BYTES,
  PLAN_CHECK_MAX_CHARS,
  type PlanCheck,
  type PlanCheckCreated,
} from "@namro/contracts";
import { useSearch } from "@tanstack/react-router";
import { Alert, Button, Card, Input, Progress, Space, Switch, Tabs, Upload } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentScope } from "../../app/scope.ts";
import { isApiError } from "../../lib/api.ts";
import { formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { useDocument, useDocumentText } from "../documents/document-queries.ts";
import { useDocumentNaming } from "../documents/document-symbol.ts";
import { CreatedTasks, CreateTasksPanel } from "./CreateTasksPanel.tsx";
import { ClearLegend } from "./HighlightedTaskText.tsx";
import { PlanCheckSummary } from "./PlanCheckSummary.tsx";
import { PlanTaskCard } from "./PlanTaskCard.tsx";
import { initialDrafts, type PlanTaskDraft } from "./plan-drafts.ts";
import { usePlanCheck } from "./use-plan-check.ts";

const ACCEPT =
  ".docx,.txt,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,application/pdf";
const MAX_MB = DOCUMENT_FILE_MAX_BYTES / 1024 / 1024;

export function PlanCheckerPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const scope = useCurrentScope();
  const firstRoleOrg = me?.roles[0]?.orgId;
  const [orgId, setOrgId] = useState<number | undefined>(scope ?? firstRoleOrg);
  const [mode, setMode] = useState<"file" | "text">("file");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<PlanCheck | null>(null);
  const [drafts, setDrafts] = useState<PlanTaskDraft[]>([]);
  const [problems, setProblems] = useState<Map<number, string[]>>(new Map());
  const [created, setCreated] = useState<PlanCheckCreated | null>(null);
  const [onlyLacking, setOnlyLacking] = useState(false);
  const { progress, checking, checkText, checkFile, abort } = usePlanCheck();
  const canCreate = hasPermission(me, "task.manage");
  // `?document=<id>`: a registered plan's text, checked for the committee holding it, its tasks created in it
  const search = useSearch({ from: "/shell/plan-checker" });
  const fromDocument = useDocument(search.document);
  const documentText = useDocumentText(search.document ?? 0, search.document !== undefined);
  const { nameOf } = useDocumentNaming();
  const prefilled = useRef<number | null>(null);
  const planDocument = fromDocument.data
    ? { id: fromDocument.data.id, label: nameOf(fromDocument.data) }
    : null;
  useEffect(() => {
    const detail = fromDocument.data;
    const body = documentText.data?.text;
    if (!detail || body === undefined || prefilled.current === detail.id) return;
    prefilled.current = detail.id;
    setMode("text");
    setText(body);
    setOrgId(detail.ownerOrgId);
  }, [fromDocument.data, documentText.data]);

  const tooBig = file !== null && file.size > DOCUMENT_FILE_MAX_BYTES;
  const tooLong = text.length > PLAN_CHECK_MAX_CHARS;
  const canCheck = mode === "file" ? file !== null && !tooBig : text.trim() !== "" && !tooLong;

  const run = async () => {
    if (!canCheck) return;
    setError(null);
    try {
      const result = mode === "file" && file ? await checkFile(file, orgId) : await checkText(text, orgId);
      setCheck(result);
      setDrafts(initialDrafts(result));
      setProblems(new Map());
      setCreated(null);
    } catch (caught) {
      setError(isApiError(caught, "UPLOAD_ABORTED") ? t("planChecker.input.aborted") : errorText(caught, t));
    }
  };

  const reading = progress !== null && progress >= 1;
  const visible = check
    ? check.tasks
        .map((task, index) => ({ task, index }))
        .filter(({ task }) => !onlyLacking || task.clears.some((c) => c.grade !== "present"))
    : [];

  return (
    <div data-testid="plan-checker-page">
      <PageHeader title={t("planChecker.title")} />
      <p className="muted">{t("planChecker.intro")}</p>
      <Card>
        {planDocument && (
          <Alert
            type={documentText.data?.text ? "info" : "warning"}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              documentText.data?.text
                ? t("planChecker.fromDocument", { name: planDocument.label })
                : t("planChecker.fromDocumentNoText", { name: planDocument.label })
            }
            data-testid="plan-check-from-document"
          />
        )}
        <div style={{ marginBottom: 12 }}>
          <label htmlFor="plan-check-org" style={{ display: "block", fontWeight: 500, marginBottom: 4 }}>
            {t("planChecker.input.org")}
          </label>
          <OrgPicker
            id="plan-check-org"
            testId="plan-check-org"
            ariaLabel={t("planChecker.input.org")}
            value={orgId}
            style={{ width: "100%", maxWidth: 480 }}
            onChange={(value) => setOrgId(value)}
          />
          <div className="muted" style={{ fontSize: 13, marginTop: 2 }}>
            {t("planChecker.input.orgHelp")}
          </div>
        </div>
        <Tabs
          activeKey={mode}
          onChange={(key) => setMode(key as "file" | "text")}
          items={[
            {
              key: "file",
              label: t("planChecker.input.fileTab"),
              children: (
                <div>
                  <Upload.Dragger
                    accept={ACCEPT}
                    multiple={false}
                    showUploadList={false}
                    disabled={checking}
                    beforeUpload={(chosen) => {
                      setFile(chosen);
                      setError(null);
                      return false;
                    }}
                    data-testid="plan-check-file"
                  >
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p className="ant-upload-text">{t("planChecker.input.drop")}</p>
                    <p className="ant-upload-hint">
                      {t("planChecker.input.dropHint", { mb: formatNumber(MAX_MB) })}
                    </p>
                  </Upload.Dragger>
                  {file && (
                    <div style={{ marginTop: 8 }} data-testid="plan-check-chosen">
                      <PaperClipOutlined /> {file.name}
                    </div>
                  )}
                  {tooBig && (
                    <Alert
                      type="error"
                      showIcon
                      style={{ marginTop: 8 }}
                      title={t("planChecker.input.tooBig", { mb: formatNumber(MAX_MB) })}
                    />
                  )}
                </div>
              ),
            },
            {
              key: "text",
              label: t("planChecker.input.textTab"),
              children: (
                <div>
                  <Input.TextArea
                    aria-label={t("planChecker.input.textLabel")}
                    placeholder={t("planChecker.input.textPlaceholder")}
                    autoSize={{ minRows: 8, maxRows: 20 }}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    status={tooLong ? "error" : ""}
                    data-testid="plan-check-text"
                  />
                  <div className="muted" style={{ fontSize: 13, marginTop: 4 }} aria-live="polite">
                    {tooLong
                      ? t("planChecker.input.tooLong", { max: formatNumber(PLAN_CHECK_MAX_CHARS) })
                      : t("planChecker.input.chars", {
                          n: formatNumber(text.length),
                          max: formatNumber(PLAN_CHECK_MAX_CHARS),
                        })}
                  </div>
                </div>
              ),
            },
          ]}
        />
        {progress !== null && (
          <div style={{ marginTop: 12 }} aria-live="polite">
            <div className="muted">
              {reading ? t("planChecker.input.reading") : t("planChecker.input.sending")}
            </div>
            <Progress
              percent={Math.round(progress * 100)}
              status="active"
              data-testid="plan-check-progress"
              aria-label={t("planChecker.input.sending")}
            />
          </div>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginTop: 12 }}
            title={error}
            data-testid="plan-check-error"
          />
        )}
        <Space wrap style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<SearchOutlined />}
            disabled={!canCheck}
            loading={checking}
            onClick={() => void run()}
            data-testid="plan-check-submit"
          >
            {t("planChecker.input.submit")}
          </Button>
          {progress !== null && <Button onClick={abort}>{t("common.cancel")}</Button>}
        </Space>
      </Card>

      {check && (
        <section
          style={{ marginTop: 16 }}
          data-testid="plan-check-results"
          aria-label={t("planChecker.results")}
        >
          <Card title={t("planChecker.results")}>
            {check.source.legacyEncoding && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t("planChecker.legacyEncoding")}
              />
            )}
            <PlanCheckSummary check={check} />
            <div style={{ marginTop: 12 }}>
              <ClearLegend clears={check.clears} />
            </div>
            <div style={{ display: "flex", gap: 8, alignItems: "center", marginTop: 12 }}>
              <Switch
                id="plan-only-lacking"
                checked={onlyLacking}
                onChange={setOnlyLacking}
                data-testid="plan-only-lacking"
              />
              <label htmlFor="plan-only-lacking">{t("planChecker.onlyLacking")}</label>
            </div>
          </Card>
          <div style={{ marginTop: 12 }}>
            {visible.map(({ task, index }) => (
              <PlanTaskCard
                key={`${task.start}-${index}`}
                index={index}
                task={task}
                check={check}
                draft={drafts[index] as PlanTaskDraft}
                canCreate={canCreate && created === null}
                problems={problems.get(index) ?? []}
                onChange={(patch) =>
                  setDrafts((all) => all.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)))
                }
              />
            ))}
          </div>
          {canCreate && created === null && (
            <CreateTasksPanel
              key={check.org?.id ?? 0}
              drafts={drafts}
              defaultOwner={check.org}
              defaultPlan={planDocument}
              onProblems={setProblems}
              onCreated={setCreated}
            />
          )}
          {created && <CreatedTasks created={created} />}
        </section>
      )}
    </div>
  );
}
