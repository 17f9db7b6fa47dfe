// Step 1: the organisation the members go into and the file, sent with a progress bar.
import { FileExcelOutlined, InboxOutlined } from "@ant-design/icons";
import { MEMBER_IMPORT_MAX_BYTES, type MemberImport, memberImportRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Progress, Space, Upload } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentScope } from "../../../app/scope.ts";
import { isApiError } from "../../../lib/api.ts";
import { formatNumber } from "../../../lib/dates.ts";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/errors.ts";
import type { UploadHandle } from "../../../lib/upload.ts";
import { OrgPicker } from "../../../ui/OrgPicker.tsx";
import { ME_QUERY_KEY, useMe } from "../../auth/session.ts";
import { useOrg } from "../../organisations/org-queries.ts";
import { uploadMemberFile } from "./upload.ts";

const ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

export function UploadStep({ onUploaded }: { onUploaded: (memberImport: MemberImport) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const scope = useCurrentScope();
  const { data: me } = useMe();
  const [orgId, setOrgId] = useState<number | undefined>(scope ?? me?.roles[0]?.orgId);
  const org = useOrg(orgId);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<UploadHandle<MemberImport> | null>(null);

  useEffect(() => () => handle.current?.abort(), []);

  const tooBig = file !== null && file.size > MEMBER_IMPORT_MAX_BYTES;

  const send = async () => {
    if (!file || !orgId || tooBig) return;
    setError(null);
    setProgress(0);
    const me = queryClient.getQueryData<{ csrfToken: string }>(ME_QUERY_KEY);
    handle.current = uploadMemberFile(file, orgId, me?.csrfToken ?? null, setProgress);
    try {
      const created = await handle.current.promise;
      onUploaded(created);
    } catch (caught) {
      setProgress(null);
      setError(
        isApiError(caught, "UPLOAD_ABORTED") ? t("memberImport.upload.aborted") : errorText(caught, t),
      );
    } finally {
      handle.current = null;
    }
  };

  const uploading = progress !== null;

  return (
    <div data-testid="import-upload-step">
      <div style={{ marginBottom: 16, maxWidth: 480 }}>
        <label htmlFor="import-org" className="filter-label">
          {t("memberImport.upload.org")}
        </label>
        <OrgPicker
          id="import-org"
          testId="import-org"
          ariaLabel={t("memberImport.upload.org")}
          value={orgId}
          knownLabels={org.data ? { [org.data.id]: org.data.name } : {}}
          onChange={setOrgId}
          style={{ width: "100%" }}
        />
        <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
          {t("memberImport.upload.orgHint")}
        </div>
      </div>
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setError(null);
          return false;
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t("memberImport.upload.drop")}</p>
        <p className="ant-upload-hint">
          {t("memberImport.upload.dropHint", { mb: formatNumber(MEMBER_IMPORT_MAX_BYTES / 1024 / 1024) })}
        </p>
      </Upload.Dragger>
      {file && (
        <div style={{ marginTop: 12 }} data-testid="import-file-chosen">
          <FileExcelOutlined /> {file.name} ({formatNumber(Math.max(1, Math.round(file.size / 1024)))} KB)
        </div>
      )}
      {tooBig && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t("memberImport.upload.tooBig", { mb: formatNumber(MEMBER_IMPORT_MAX_BYTES / 1024 / 1024) })}
        />
      )}
      {uploading && (
        <div style={{ marginTop: 12 }}>
          <div className="muted">{t("memberImport.upload.sending")}</div>
          <Progress
            percent={Math.round((progress ?? 0) * 100)}
            status="active"
            data-testid="import-upload-progress"
            aria-label={t("memberImport.upload.sending")}
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
          data-testid="import-upload-error"
        />
      )}
      <Space wrap style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={!file || !orgId || tooBig}
          loading={uploading}
          onClick={() => void send()}
          data-testid="import-upload-submit"
        >
          {t("memberImport.upload.submit")}
        </Button>
        {uploading && <Button onClick={() => handle.current?.abort()}>{t("common.cancel")}</Button>}
        <Button
          type="link"
          onClick={() =>
            void downloadFile(
              memberImportRoutes.downloadMemberImportTemplate.path,
              "mau-dang-vien.xlsx",
            ).catch((caught: unknown) => message.error(errorText(caught, t)))
          }
          data-testid="import-template"
        >
          {t("memberImport.upload.template")}
        </Button>
      </Space>
    </div>
  );
}
