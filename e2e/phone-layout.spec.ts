// On a 360 px phone the navigation folds into a drawer, nothing scrolls sideways, and the first Tab
// reaches the "skip to content" link.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage({ width: 360, height: 740 });
});
afterEach(async () => {
  await session.close();
});

describe("phone layout and keyboard", () => {
  it("works at 360 px wide", async () => {
    const { page } = session;
    await signInThroughPage(page, "tanhung");
    // The dashboard (first screen): its charts and lists fit the phone's width.
    await page.waitForURL(/\/task-dashboard/);
    await page.getByTestId("chart-status").locator("canvas").waitFor();
    await page.getByTestId("dashboard-overdue").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);
    await page.goto("/organisations");
    await page.getByTestId("org-tree").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

    await page.getByTestId("nav-menu-button").click();
    const drawer = page.getByTestId("nav-drawer");
    await expect.poll(() => drawer.innerText()).toContain("Tổ chức");

    await page.goto("/organisations");
    await page.getByTestId("org-tree").waitFor();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    expect(focused).toBe("#main-content");
  });
});
