// Importing members from a workbook: upload (with progress) → the server reads it (progress) →
// column mapping → preview and choices → commit → result. The import's id is in the address, so a
// reload or a shared link comes back to the same step.
import { CheckCircleOutlined } from "@ant-design/icons";
import type { MemberImport } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, Button, Card, Descriptions, Grid, Progress, Result, Space, Spin, Steps } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/dates.ts";
import { errorText } from "../../../lib/errors.ts";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../../auth/session.ts";
import { MEMBERS_KEY } from "../member-queries.ts";
import { IMPORT_KEY, isBusy, useMemberImport } from "./import-queries.ts";
import type { ImportSearch } from "./import-search.ts";
import { MappingStep } from "./MappingStep.tsx";
import { PreviewStep } from "./PreviewStep.tsx";
import { UploadStep } from "./UploadStep.tsx";

const STEPS = ["upload", "read", "mapping", "preview", "result"] as const;

function Working({ memberImport }: { memberImport: MemberImport }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-working" aria-live="polite">
      <div style={{ marginBottom: 8 }}>{t(`memberImport.working.${memberImport.status}`)}</div>
      <Progress
        percent={Math.round(memberImport.progress * 100)}
        status="active"
        data-testid="import-progress"
        aria-label={t(`memberImport.working.${memberImport.status}`)}
      />
    </div>
  );
}

function ResultStep({ memberImport, onRestart }: { memberImport: MemberImport; onRestart: () => void }) {
  const { t } = useTranslation();
  const result = memberImport.result;
  return (
    <Result
      status="success"
      icon={<CheckCircleOutlined />}
      title={t("memberImport.result.title", { org: memberImport.orgName })}
      subTitle={memberImport.fileName}
      extra={
        <Space wrap>
          <Link to="/members" search={{ orgId: memberImport.orgId }} data-testid="import-result-list">
            <Button type="primary">{t("memberImport.result.toList")}</Button>
          </Link>
          <Button onClick={onRestart} data-testid="import-again">
            {t("memberImport.result.another")}
          </Button>
        </Space>
      }
    >
      {result && (
        <Descriptions column={1} size="small" bordered data-testid="import-result">
          {(["created", "updated", "unchanged", "skipped", "rejected"] as const).map((key) => (
            <Descriptions.Item key={key} label={t(`memberImport.result.${key}`)}>
              <span data-testid={`import-result-${key}`}>{formatNumber(result[key])}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Result>
  );
}

export function ImportWizardPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const search = useSearch({ from: "/shell/members/import" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const memberImport = useMemberImport(search.id);
  const committedId = memberImport.data?.status === "committed" ? memberImport.data.id : null;
  useEffect(() => {
    // The registry changed: lists and records are refetched when next shown.
    if (committedId !== null) void queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
  }, [committedId, queryClient]);

  if (!hasPermission(me, "member.manage"))
    return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  const go = (next: ImportSearch, replace = false) =>
    void navigate({ to: "/members/import", search: next, replace });
  const restart = () => go({});

  const data = memberImport.data;

  let current = 0;
  let body: React.ReactNode;
  if (search.id === undefined) {
    body = (
      <UploadStep
        onUploaded={(created) => {
          queryClient.setQueryData([...IMPORT_KEY, created.id], created);
          go({ id: created.id, step: "mapping" });
        }}
      />
    );
  } else if (memberImport.isPending) {
    current = 1;
    body = <Spin />;
  } else if (memberImport.isError || !data) {
    current = 1;
    body = (
      <Alert
        type="error"
        showIcon
        title={errorText(memberImport.error, t)}
        action={<Button onClick={restart}>{t("memberImport.restart")}</Button>}
      />
    );
  } else if (data.status === "failed") {
    current = 1;
    body = (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="import-failed"
        title={t("memberImport.failed")}
        description={data.error?.message ?? ""}
        action={
          <Button onClick={restart} data-testid="import-choose-another">
            {t("memberImport.chooseAnother")}
          </Button>
        }
      />
    );
  } else if (data.status === "parsing") {
    current = 1;
    body = <Working memberImport={data} />;
  } else if (data.status === "committed") {
    current = 4;
    body = <ResultStep memberImport={data} onRestart={restart} />;
  } else if (data.status === "committing") {
    current = 3;
    body = <Working memberImport={data} />;
  } else if (search.step !== "preview") {
    current = 2;
    body =
      data.status === "validating" ? (
        <Working memberImport={data} />
      ) : (
        <MappingStep
          memberImport={data}
          onDone={() => go({ id: data.id, step: "preview" })}
          onRestart={restart}
        />
      );
  } else {
    current = 3;
    body = (
      <>
        {isBusy(data) && (
          <div style={{ marginBottom: 12 }}>
            <Working memberImport={data} />
          </div>
        )}
        {data.status === "ready" ? (
          <PreviewStep
            memberImport={data}
            busy={isBusy(data)}
            onBackToMapping={() => go({ id: data.id, step: "mapping" })}
            onRestart={restart}
          />
        ) : null}
      </>
    );
  }

  return (
    <div>
      <PageHeader title={t("memberImport.title")} titleTestId="import-title">
        <Link to="/members">
          <Button>{t("memberImport.backToList")}</Button>
        </Link>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 12 }}>
        {isDesktop ? (
          <Steps
            size="small"
            current={current}
            status={data?.status === "failed" ? "error" : "process"}
            data-testid="import-steps"
            items={STEPS.map((key) => ({ title: t(`memberImport.steps.${key}`) }))}
          />
        ) : (
          <div data-testid="import-steps">
            {t("memberImport.stepOf", {
              n: current + 1,
              total: STEPS.length,
              title: t(`memberImport.steps.${STEPS[current] ?? "upload"}`),
            })}
          </div>
        )}
      </Card>
      {data && (
        <div className="muted" style={{ marginBottom: 12 }} data-testid="import-file-name">
          {t("memberImport.fileInto", { file: data.fileName, org: data.orgName })}
        </div>
      )}
      <Card size="small">{body}</Card>
    </div>
  );
}
