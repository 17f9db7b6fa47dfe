// Ant Design and dayjs follow the interface language.
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

const theme = {
  token: {
    colorPrimary: "#b3261e",
    colorLink: "#a3211b",
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
};

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "vi";
  dayjs.locale(language);
  useEffect(() => {
    dayjs.locale(language);
  }, [language]);
  return (
    <ConfigProvider locale={language === "en" ? enUS : viVN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
