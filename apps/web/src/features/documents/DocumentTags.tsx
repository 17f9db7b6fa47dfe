// Small marks used wherever a document is listed: its status, a placeholder ("chưa đủ thông tin") and
// its confidentiality when it is not normal.
import { LockOutlined } from "@ant-design/icons";
import type { DocumentSummary } from "@namro/contracts";
import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { STATUS_COLORS } from "./document-labels.ts";

export function DocumentTags({
  document,
}: {
  document: Pick<DocumentSummary, "status" | "isPlaceholder" | "confidentiality">;
}) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {document.isPlaceholder ? (
        <Tag color="orange" data-testid="document-placeholder-tag" style={{ marginInlineEnd: 0 }}>
          {t("documents.placeholderTag")}
        </Tag>
      ) : (
        <Tag
          color={STATUS_COLORS[document.status]}
          data-testid="document-status"
          style={{ marginInlineEnd: 0 }}
        >
          {t(`documents.status.${document.status}`)}
        </Tag>
      )}
      {document.confidentiality !== "normal" && (
        <Tag color="red" icon={<LockOutlined />} style={{ marginInlineEnd: 0 }}>
          {t(`documents.confidentiality.${document.confidentiality}`)}
        </Tag>
      )}
    </Space>
  );
}
