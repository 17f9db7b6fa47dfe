// Steps shared by the browser journeys: signing in through the login page, calling the API as a
// signed-in user, picking options in Ant Design selects.

import type { APIRequestContext, Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../apps/api/src/seed/demo-seed.ts";
import { launchBrowser } from "./browser.ts";

export { DEMO_PASSWORD };

export async function signInThroughPage(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto("/login");
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** A second person signed in in their own browser; it is added to `browsers` for the test to close. */
export async function signedInElsewhere(
  baseUrl: string,
  username: string,
  browsers: Browser[],
): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "vi-VN",
    baseURL: baseUrl,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signInThroughPage(page, username);
  return page;
}

/** An API session in the page's browser context (shares its cookies), with the CSRF token. */
export async function apiSession(request: APIRequestContext, username: string) {
  const signIn = await request.post("/api/auth/sign-in", { data: { username, password: DEMO_PASSWORD } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const headers = { "x-csrf-token": csrfToken };
  return {
    async get<T>(url: string): Promise<T> {
      const response = await request.get(url);
      expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
      return (await response.json()) as T;
    },
    async post<T>(url: string, data: unknown): Promise<T> {
      const response = await request.post(url, { data, headers });
      expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
      return (await response.json()) as T;
    },
    async put<T>(url: string, data: unknown): Promise<T> {
      const response = await request.put(url, { data, headers });
      expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
      return (await response.json()) as T;
    },
  };
}

/** Opens an Ant Design select by its test id, types to search, and picks the option with `optionText`. */
export async function pickOption(
  page: Page,
  testId: string,
  search: string,
  optionText: string,
): Promise<void> {
  await page.getByTestId(testId).click();
  if (search !== "") await page.keyboard.type(search);
  const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", {
    hasText: optionText,
  });
  await option.first().click();
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today in Vietnam (UTC+7), as the server counts it. */
export function todayInVietnam(): Date {
  return new Date(Date.now() + 7 * 3600 * 1000);
}

export function formatVi(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
