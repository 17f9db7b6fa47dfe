// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import "../apps/api/test/provided-context.ts";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  close(): Promise<void>;
}

export async function openPage(viewport = { width: 1280, height: 800 }): Promise<BrowserSession> {
  const baseUrl = inject("baseUrl");
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport, locale: "vi-VN", baseURL: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return {
    browser,
    context,
    page,
    baseUrl,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
