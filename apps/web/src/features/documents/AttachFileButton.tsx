// Attaching a file to a registered document (the original of a placeholder, a signed scan, a new
// version): sent with a progress bar, then attached at the document's version. The document keeps its
// text unless the person says the file is its main text (ticked by default when it has no text yet);
// then the file's text replaces it and its references are linked again. If someone else changed the
// document meanwhile, the same upload is attached once more at the fresh version (nothing is sent again).
import { PaperClipOutlined } from "@ant-design/icons";
import { DOCUMENT_FILE_MAX_BYTES, type DocumentDetail, documentRoutes } from "@namro/contracts";
import { Alert, App, Button, Checkbox, Progress, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { useDocumentSaved } from "./document-queries.ts";
import { DOCUMENT_FILE_ACCEPT } from "./new/ChooseFileStep.tsx";
import { useDocumentUpload } from "./use-document-upload.ts";

export function AttachFileButton({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useDocumentSaved();
  const [error, setError] = useState<string | null>(null);
  const { progress, upload, abort } = useDocumentUpload();
  /** From choosing the file until it is attached (sending, reading, attaching). */
  const [busy, setBusy] = useState(false);
  const [replaceText, setReplaceText] = useState(document.textLength === 0);

  const attach = async (file: File) => {
    setError(null);
    if (file.size > DOCUMENT_FILE_MAX_BYTES) {
      setError(t("documents.upload.tooBig", { mb: formatNumber(DOCUMENT_FILE_MAX_BYTES / 1024 / 1024) }));
      return;
    }
    setBusy(true);
    try {
      const uploaded = await upload(file);
      const attachAt = (version: number) =>
        apiCall(documentRoutes.attachDocumentFile, {
          params: { id: document.id },
          body: { uploadId: uploaded.uploadId, version, replaceText },
        });
      let detail: DocumentDetail;
      try {
        detail = await attachAt(document.version);
      } catch (conflict) {
        if (!isApiError(conflict, "DOCUMENT_VERSION_CONFLICT")) throw conflict;
        // Attaching adds a file; it does not undo the other person's change, so it goes over it once.
        const fresh = await apiCall(documentRoutes.getDocument, { params: { id: document.id } });
        detail = await attachAt(fresh.version);
      }
      await saved(detail);
      message.success(t("documents.files.attached", { name: uploaded.fileName }));
    } catch (caught) {
      if (isApiError(caught, "DOCUMENT_VERSION_CONFLICT")) await saved(null);
      setError(isApiError(caught, "UPLOAD_ABORTED") ? t("documents.upload.aborted") : errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ marginTop: 8 }}>
      <Checkbox
        checked={replaceText}
        disabled={busy}
        onChange={(event) => setReplaceText(event.target.checked)}
        data-testid="document-attach-replace-text"
        style={{ marginBottom: 8 }}
      >
        {t("documents.files.replaceText")}
      </Checkbox>
      <div style={{ color: "rgba(0, 0, 0, 0.45)", fontSize: 12, marginBottom: 8 }}>
        {t("documents.files.replaceTextHelp")}
      </div>
      <Upload
        accept={DOCUMENT_FILE_ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void attach(file);
          return false;
        }}
      >
        <Button icon={<PaperClipOutlined />} loading={busy} data-testid="document-attach">
          {t("documents.files.attach")}
        </Button>
      </Upload>
      {progress !== null && (
        <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
          <Progress
            percent={Math.round(progress * 100)}
            status="active"
            size="small"
            aria-label={t("documents.upload.sending")}
            data-testid="document-attach-progress"
            style={{ flex: 1, marginBottom: 0 }}
          />
          <Button size="small" onClick={abort} data-testid="document-attach-cancel">
            {t("common.cancel")}
          </Button>
        </div>
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
