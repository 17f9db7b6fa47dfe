// A document's attachments: name, kind, size, pages, whether a PDF has a text layer; download each.
import {
  DownloadOutlined,
  FileImageOutlined,
  FilePdfOutlined,
  FileTextOutlined,
  FileWordOutlined,
} from "@ant-design/icons";
import { type DocumentDetail, type DocumentFile, documentRoutes } from "@namro/contracts";
import { App, Button, Empty, List, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { buildPath } from "../../lib/api.ts";
import { formatDateTime, formatNumber } from "../../lib/dates.ts";
import { downloadFile } from "../../lib/download.ts";
import { errorText } from "../../lib/errors.ts";

const ICONS: Record<DocumentFile["kind"], React.ReactNode> = {
  docx: <FileWordOutlined />,
  pdf: <FilePdfOutlined />,
  image: <FileImageOutlined />,
  txt: <FileTextOutlined />,
};

export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

export function DocumentFiles({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (document.files.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("documents.files.none")} />;
  return (
    <List
      size="small"
      dataSource={document.files}
      rowKey="id"
      data-testid="document-files"
      renderItem={(file) => (
        <List.Item
          data-testid="document-file"
          actions={[
            <Button
              key="download"
              size="small"
              icon={<DownloadOutlined />}
              aria-label={t("documents.files.downloadAria", { name: file.fileName })}
              data-testid="document-file-download"
              onClick={() =>
                void downloadFile(
                  buildPath(documentRoutes.downloadDocumentFile.path, { id: document.id, fileId: file.id }),
                  file.fileName,
                ).catch((caught: unknown) => message.error(errorText(caught, t)))
              }
            >
              {t("documents.files.download")}
            </Button>,
          ]}
        >
          <div style={{ minWidth: 0 }}>
            <Space size={6} wrap>
              {ICONS[file.kind]}
              <span style={{ wordBreak: "break-all" }}>{file.fileName}</span>
              {file.hasTextLayer === false && <Tag color="orange">{t("documents.files.noTextLayer")}</Tag>}
            </Space>
            <div className="muted" style={{ fontSize: 12 }}>
              {[
                fileSizeText(file.sizeBytes),
                file.pageCount ? t("documents.files.pages", { n: formatNumber(file.pageCount) }) : null,
                formatDateTime(file.createdAt),
              ]
                .filter(Boolean)
                .join(" · ")}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
