// Step 1: a .docx, PDF, text file or image sent with a real progress bar (the server reads its text,
// proposes the header and finds references), or entering the document by hand.
import { EditOutlined, InboxOutlined, PaperClipOutlined } from "@ant-design/icons";
import { DOCUMENT_FILE_MAX_BYTES, type DocumentUpload } from "@namro/contracts";
import { Alert, Button, Progress, Space, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api.ts";
import { formatNumber } from "../../../lib/dates.ts";
import { errorText } from "../../../lib/errors.ts";
import { fileSizeText } from "../DocumentFiles.tsx";
import { useDocumentUpload } from "../use-document-upload.ts";

export const DOCUMENT_FILE_ACCEPT =
  ".docx,.pdf,.txt,.png,.jpg,.jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain,image/png,image/jpeg";

const MAX_MB = DOCUMENT_FILE_MAX_BYTES / 1024 / 1024;

export function ChooseFileStep({
  onUploaded,
  onManual,
}: {
  onUploaded: (upload: DocumentUpload) => void;
  onManual: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { progress, upload, abort } = useDocumentUpload();

  const tooBig = file !== null && file.size > DOCUMENT_FILE_MAX_BYTES;

  const send = async () => {
    if (!file || tooBig) return;
    setError(null);
    try {
      onUploaded(await upload(file));
    } catch (caught) {
      setError(isApiError(caught, "UPLOAD_ABORTED") ? t("documents.upload.aborted") : errorText(caught, t));
    }
  };

  const uploading = progress !== null;
  // The bytes are sent; the server is reading the text and finding references.
  const reading = uploading && (progress ?? 0) >= 1;

  return (
    <div data-testid="document-upload-step">
      <Upload.Dragger
        accept={DOCUMENT_FILE_ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setError(null);
          return false;
        }}
        data-testid="document-upload-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t("documents.upload.drop")}</p>
        <p className="ant-upload-hint">{t("documents.upload.dropHint", { mb: formatNumber(MAX_MB) })}</p>
      </Upload.Dragger>
      {file && (
        <div style={{ marginTop: 12 }} data-testid="document-upload-chosen">
          <PaperClipOutlined /> {file.name} ({fileSizeText(file.size)})
        </div>
      )}
      {tooBig && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t("documents.upload.tooBig", { mb: formatNumber(MAX_MB) })}
          data-testid="document-upload-too-big"
        />
      )}
      {uploading && (
        <div style={{ marginTop: 12 }} aria-live="polite">
          <div className="muted">
            {reading ? t("documents.upload.reading") : t("documents.upload.sending")}
          </div>
          <Progress
            percent={Math.round((progress ?? 0) * 100)}
            status="active"
            data-testid="document-upload-progress"
            aria-label={t("documents.upload.sending")}
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
          data-testid="document-upload-error"
        />
      )}
      <Space wrap style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={!file || tooBig}
          loading={uploading}
          onClick={() => void send()}
          data-testid="document-upload-submit"
        >
          {t("documents.upload.submit")}
        </Button>
        {uploading && <Button onClick={abort}>{t("common.cancel")}</Button>}
        <Button icon={<EditOutlined />} disabled={uploading} onClick={onManual} data-testid="document-manual">
          {t("documents.upload.manual")}
        </Button>
      </Space>
    </div>
  );
}
