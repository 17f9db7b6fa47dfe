// Exporting the figures on screen as an .xlsx workbook (the server builds it from the same query).
import { TASK_ROLLUP_ROUTES } from "@namro/contracts";
import { App } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { buildQuery } from "../../lib/api.ts";
import { downloadFile } from "../../lib/download.ts";
import { errorText } from "../../lib/errors.ts";
import { type RollupSearch, rollupExportQuery } from "./rollup-search.ts";

export function useRollupExport(
  search: RollupSearch,
  scope: { orgId: number; wholeScope: boolean } | undefined,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const exportWorkbook = async () => {
    setExporting(true);
    try {
      // The organisation shown (the server's default when none was chosen) names the file's scope.
      const query = { ...rollupExportQuery(search, scope) };
      const name = await downloadFile(
        TASK_ROLLUP_ROUTES.exportRollup.path + buildQuery(query),
        "tong-hop-nhiem-vu.xlsx",
      );
      message.success(t("taskDashboard.exported", { name }));
    } catch (caught) {
      message.error(errorText(caught, t));
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportWorkbook };
}
