// Interface language: Vietnamese first, English second. The choice is remembered in localStorage and
// in the `namro_lang` cookie so the server answers (error messages) in the same language.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import vi from "./vi.json";

export type Language = "vi" | "en";
export const LANGUAGES: readonly Language[] = ["vi", "en"];
const STORAGE_KEY = "namro_lang";

function readCookie(name: string): string | null {
  const match = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}

/** The language the person explicitly chose on this device, if any. */
export function storedLanguage(): Language | null {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode); the cookie still carries the choice.
  }
  return isLanguage(stored) ? stored : null;
}

function writeCookie(language: Language): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in browsers people still use.
  document.cookie = `${STORAGE_KEY}=${language}; path=/; max-age=31536000; samesite=lax`;
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Ignore: the cookie below is enough for the server.
  }
  writeCookie(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : "vi";
}

export const i18n = i18next;

export function initI18n(): void {
  const cookie = readCookie(STORAGE_KEY);
  // Vietnamese unless the person chose otherwise; the cookie always states the interface language so
  // the server's messages match it even before sign-in (the browser's Accept-Language may be English).
  const language = storedLanguage() ?? (isLanguage(cookie) ? cookie : "vi");
  writeCookie(language);
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: "vi",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
}
