import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLORS: Record<string, string> = {
  active: "green",
  dissolved: "default",
  merged: "purple",
  split: "orange",
};

export function OrgStatusTag({ status, onlyClosed = false }: { status: string; onlyClosed?: boolean }) {
  const { t } = useTranslation();
  if (onlyClosed && status === "active") return null;
  return <Tag color={COLORS[status] ?? "default"}>{t(`orgStatus.${status}`)}</Tag>;
}
