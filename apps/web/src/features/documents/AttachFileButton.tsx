// Attaching a file to a registered document (the original of a placeholder, a signed scan, a new
// version): sent with a progress bar, then attached at the document's version. A file with text
// replaces the document's text and the references found in it.
import { PaperClipOutlined } from "@ant-design/icons";
import {
  DOCUMENT_FILE_MAX_BYTES,
  type DocumentDetail,
  type DocumentUpload,
  documentRoutes,
} from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Progress, Upload } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { type UploadHandle, uploadWithProgress } from "../../lib/upload.ts";
import { ME_QUERY_KEY } from "../auth/session.ts";
import { useDocumentSaved } from "./document-queries.ts";
import { DOCUMENT_FILE_ACCEPT } from "./new/ChooseFileStep.tsx";

export function AttachFileButton({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const saved = useDocumentSaved();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<UploadHandle<DocumentUpload> | null>(null);

  useEffect(() => () => handle.current?.abort(), []);

  const attach = async (file: File) => {
    setError(null);
    if (file.size > DOCUMENT_FILE_MAX_BYTES) {
      setError(t("documents.upload.tooBig", { mb: formatNumber(DOCUMENT_FILE_MAX_BYTES / 1024 / 1024) }));
      return;
    }
    setProgress(0);
    const me = queryClient.getQueryData<{ csrfToken: string }>(ME_QUERY_KEY);
    handle.current = uploadWithProgress<DocumentUpload>(
      documentRoutes.uploadDocumentFile.path,
      file,
      me?.csrfToken ?? null,
      setProgress,
    );
    try {
      const upload = await handle.current.promise;
      const detail = await apiCall(documentRoutes.attachDocumentFile, {
        params: { id: document.id },
        body: { uploadId: upload.uploadId, version: document.version },
      });
      await saved(detail);
      message.success(t("documents.files.attached", { name: upload.fileName }));
    } catch (caught) {
      if (isApiError(caught, "DOCUMENT_VERSION_CONFLICT")) await saved(null);
      setError(isApiError(caught, "UPLOAD_ABORTED") ? t("documents.upload.aborted") : errorText(caught, t));
    } finally {
      handle.current = null;
      setProgress(null);
    }
  };

  return (
    <div style={{ marginTop: 8 }}>
      <Upload
        accept={DOCUMENT_FILE_ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={progress !== null}
        beforeUpload={(file) => {
          void attach(file);
          return false;
        }}
      >
        <Button icon={<PaperClipOutlined />} loading={progress !== null} data-testid="document-attach">
          {t("documents.files.attach")}
        </Button>
      </Upload>
      {progress !== null && (
        <Progress
          percent={Math.round(progress * 100)}
          status="active"
          size="small"
          aria-label={t("documents.upload.sending")}
          data-testid="document-attach-progress"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 8 }}
          title={error}
          data-testid="document-attach-error"
        />
      )}
    </div>
  );
}
