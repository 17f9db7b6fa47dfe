import type { MemberStatus } from "@namro/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { STATUS_COLORS } from "./member-labels.ts";

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="member-status" style={{ marginInlineEnd: 0 }}>
      {t(`members.status.${status}`)}
    </Tag>
  );
}
