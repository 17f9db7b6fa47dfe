import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../features/auth/language.ts";
import type { Language } from "../i18n/i18n.ts";

/** VI | EN switch; each option names its language in that language for people who cannot read the other. */
export function LanguageSwitch({ size = "middle" }: { size?: "small" | "middle" }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Segmented<Language>
      size={size}
      data-testid="language-switch"
      aria-label={t("language.label")}
      value={language}
      onChange={(value) => setLanguage(value)}
      options={[
        {
          value: "vi",
          label: (
            <span lang="vi" data-testid="language-vi" title="Tiếng Việt">
              VI
            </span>
          ),
        },
        {
          value: "en",
          label: (
            <span lang="en" data-testid="language-en" title="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
