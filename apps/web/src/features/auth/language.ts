// Switching the interface language: i18next, the remembered choice, and the account's preference on the
// server when signed in (so server messages follow).
import { authRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { i18n, type Language, rememberLanguage } from "../../i18n/i18n.ts";
import { apiCall } from "../../lib/api.ts";
import { ME_QUERY_KEY } from "./session.ts";

export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n: instance } = useTranslation();
  const queryClient = useQueryClient();
  const language: Language = instance.language === "en" ? "en" : "vi";
  const change = useCallback(
    (next: Language) => {
      rememberLanguage(next);
      void i18n.changeLanguage(next);
      if (queryClient.getQueryData(ME_QUERY_KEY)) {
        apiCall(authRoutes.setLocale, { body: { locale: next } })
          .then(() => queryClient.invalidateQueries())
          .catch(() => undefined);
      }
    },
    [queryClient],
  );
  return [language, change];
}
