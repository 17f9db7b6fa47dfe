import { Spin } from "antd";
import { useTranslation } from "react-i18next";

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: "center" }} role="status" aria-live="polite">
      <Spin />
      <div className="muted" style={{ marginTop: 8 }}>
        {t("common.loading")}
      </div>
    </div>
  );
}
