// A report's evidence: each file with its size and who added it, to download; while the report is not
// accepted, files can be removed (after a confirmation) and added with a real progress bar. A file too
// large or of a refused kind is named at once, before anything is sent.
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from "@ant-design/icons";
import { TASK_REPORT_FILE_MAX_BYTES, TASK_REPORT_FILES_MAX, type TaskReport } from "@namro/contracts";
import { Alert, App, Button, List, Progress, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api.ts";
import { formatDateTime, formatNumber } from "../../../lib/dates.ts";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/errors.ts";
import { fileSizeText } from "../../documents/DocumentFiles.tsx";
import { EVIDENCE_ACCEPT, type EvidenceProblem, evidenceProblem } from "./report-form.ts";
import { deleteReportFile, reportFileUrl, useEvidenceUpload, useTasksChanged } from "./report-queries.ts";

/** The message for a file refused before sending. */
export function useEvidenceProblemText() {
  const { t } = useTranslation();
  return (problem: EvidenceProblem, fileName: string) =>
    t(`taskReports.files.${problem}`, {
      name: fileName,
      mb: formatNumber(TASK_REPORT_FILE_MAX_BYTES / 1024 / 1024),
    });
}

/** The progress of the file being sent, with a way to stop it. */
export function UploadProgress({
  progress,
  onAbort,
}: {
  progress: { fileName: string; fraction: number } | null;
  onAbort: () => void;
}) {
  const { t } = useTranslation();
  if (progress === null) return null;
  return (
    <div data-testid="evidence-upload-progress">
      <div className="muted" style={{ fontSize: 12 }}>
        {t("taskReports.files.sending", { name: progress.fileName })}
      </div>
      <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
        <Progress
          percent={Math.round(progress.fraction * 100)}
          status="active"
          size="small"
          aria-label={t("taskReports.files.sending", { name: progress.fileName })}
          style={{ flex: 1, marginBottom: 0 }}
        />
        <Button size="small" onClick={onAbort} data-testid="evidence-upload-cancel">
          {t("common.cancel")}
        </Button>
      </div>
    </div>
  );
}

export function EvidenceFiles({ report }: { report: TaskReport }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const changed = useTasksChanged();
  const { progress, upload, abort } = useEvidenceUpload();
  const problemText = useEvidenceProblemText();
  const [error, setError] = useState<string | null>(null);
  const editable = report.canEdit && report.status !== "accepted";
  const full = report.files.length >= TASK_REPORT_FILES_MAX;

  const add = async (file: File) => {
    setError(null);
    const problem = evidenceProblem(file);
    if (problem) {
      setError(problemText(problem, file.name));
      return;
    }
    try {
      const added = await upload(report.taskId, report.id, file);
      message.success(t("taskReports.files.added", { name: added.fileName }));
    } catch (caught) {
      setError(isApiError(caught, "UPLOAD_ABORTED") ? t("taskReports.files.aborted") : errorText(caught, t));
    } finally {
      await changed();
    }
  };

  const remove = (fileId: number, fileName: string) => {
    modal.confirm({
      title: t("taskReports.files.removeTitle"),
      content: fileName,
      okText: t("taskReports.files.remove"),
      okButtonProps: { danger: true, "data-testid": "evidence-remove-ok" } as { danger: boolean },
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          await deleteReportFile(report.taskId, report.id, fileId);
          message.success(t("taskReports.files.removed", { name: fileName }));
        } catch (caught) {
          message.error(errorText(caught, t));
        } finally {
          await changed();
        }
      },
    });
  };

  const download = async (fileId: number, fileName: string) => {
    try {
      await downloadFile(reportFileUrl(report.taskId, report.id, fileId), fileName);
    } catch (caught) {
      message.error(errorText(caught, t));
    }
  };

  return (
    <div data-testid="evidence-files">
      {report.files.length > 0 && (
        <List
          size="small"
          dataSource={report.files}
          rowKey="id"
          renderItem={(file) => (
            <List.Item
              data-testid="evidence-file"
              actions={[
                <Button
                  key="download"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void download(file.id, file.fileName)}
                  aria-label={`${t("taskReports.files.download")}: ${file.fileName}`}
                />,
                ...(editable
                  ? [
                      <Button
                        key="remove"
                        type="link"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => {
                          remove(file.id, file.fileName);
                        }}
                        aria-label={`${t("taskReports.files.remove")}: ${file.fileName}`}
                        data-testid="evidence-remove"
                      />,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={<span data-testid="evidence-file-name">{file.fileName}</span>}
                description={
                  <span className="muted">
                    {fileSizeText(file.sizeBytes)} · {formatDateTime(file.createdAt)}
                    {file.createdByName ? ` · ${file.createdByName}` : ""}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
      {editable && (
        <div style={{ marginTop: 4 }}>
          <Upload
            accept={EVIDENCE_ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={progress !== null || full}
            beforeUpload={(file) => {
              void add(file);
              return false;
            }}
          >
            <Button
              size="small"
              icon={<PaperClipOutlined />}
              disabled={progress !== null || full}
              data-testid="evidence-add"
            >
              {t("taskReports.files.add")}
            </Button>
          </Upload>
          <span className="muted" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {t("taskReports.files.hint", { mb: formatNumber(TASK_REPORT_FILE_MAX_BYTES / 1024 / 1024) })}
          </span>
          <UploadProgress progress={progress} onAbort={abort} />
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 8 }}
          title={error}
          data-testid="evidence-error"
        />
      )}
    </div>
  );
}
