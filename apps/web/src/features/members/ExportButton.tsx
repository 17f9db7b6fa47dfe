// "Xuất Excel": the list as filtered now, in the template the importer reads (the server builds it).
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { buildQuery } from "../../lib/api.ts";
import { downloadFile } from "../../lib/download.ts";
import { errorText } from "../../lib/errors.ts";
import type { MembersSearch } from "./members-search.ts";

export const MEMBER_EXPORT_PATH = "/api/members/export";

export function ExportButton({ filters, disabled }: { filters: MembersSearch; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await downloadFile(MEMBER_EXPORT_PATH + buildQuery({ ...filters }), "dang-vien.xlsx");
      message.success(t("members.export.done", { name }));
    } catch (caught) {
      message.error(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={disabled === true}
      onClick={() => void run()}
      data-testid="members-export"
    >
      {busy ? t("members.export.busy") : t("members.export.action")}
    </Button>
  );
}
