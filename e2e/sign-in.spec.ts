// A person signs in on the Vietnamese login page, switches to English (remembered), and lands on the
// task dashboard ("Tổng quan", the first screen of those who follow tasks); the organisation tree of
// their scope is one menu entry away.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

describe("signing in", () => {
  it("shows the login page in Vietnamese, remembers English, explains a wrong password, opens the dashboard and the tree", async () => {
    const { page } = session;
    await page.goto("/");
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByTestId("login-submit").innerText()).toContain("Đăng nhập");

    await page.getByTestId("language-switch").click();
    await page.getByTestId("language-en").click();
    await expect.poll(() => page.getByTestId("login-submit").innerText()).toContain("Sign in");
    await page.reload();
    await expect.poll(() => page.getByTestId("login-submit").innerText()).toContain("Sign in");

    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill("not-the-password-1");
    await page.getByTestId("login-submit").click();
    await expect
      .poll(() => page.getByTestId("login-error").innerText())
      .toContain("The username or password is wrong.");

    await page.getByTestId("language-switch").click();
    await page.getByTestId("language-vi").click();
    await signInThroughPage(page, "admin");
    await page.waitForURL(/\/task-dashboard/);
    await expect
      .poll(() => page.getByTestId("task-dashboard-caption").innerText())
      .toContain("Tỉnh ủy Bắc Ninh");
    await page.getByRole("menuitem", { name: /(^|\s)Tổ chức$/ }).click();
    await page.waitForURL(/\/organisations/);
    await expect.poll(() => page.getByTestId("org-tree").innerText()).toContain("Tỉnh ủy Bắc Ninh");
    await expect
      .poll(() => page.getByTestId("embedded-notice").count())
      .toBe((await (await page.request.get("/api/system")).json()).databaseKind === "embedded" ? 1 : 0);
  });
});
