// Tasks on a 360 px phone: the list is a column of cards (filters folded behind a button that counts
// them), the "chưa đủ 5 rõ" badge says which clears are missing when it takes the focus, neither
// the list, a task's page nor the task form scrolls sideways, every tab of a task is in sight, and a
// commune officer can name a responsible person's account.
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

const pageWidth = (session: BrowserSession) =>
  session.page.evaluate(() => document.documentElement.scrollWidth);

describe("tasks on a phone", () => {
  it("lists tasks as cards and shows a task and its form within 360 px", async () => {
    const { page } = session;
    await signInThroughPage(page, "tanhung");
    // Only the commune's tasks lacking a clear, as the address says.
    await page.goto("/tasks?missing=1");
    const cards = page.getByTestId("task-table").getByTestId("task-row");
    await cards.first().waitFor();
    expect(await page.getByTestId("task-filters-toggle").innerText()).toBe("Bộ lọc (1)");
    expect(await page.locator("table").count(), "cards, not a table").toBe(0);
    expect(await pageWidth(session)).toBeLessThanOrEqual(361);
    const total = Number((await page.getByTestId("task-total").innerText()).replace(/\D/g, ""));
    expect(total).toBeGreaterThan(0);
    expect(await cards.getByTestId("task-missing-clears").count()).toBe(await cards.count());

    // The badge names the missing clears when it takes the focus (keyboard or touch).
    await cards.first().getByTestId("task-missing-clears").focus();
    await expect.poll(() => page.locator(".ant-tooltip:visible").innerText()).toMatch(/^Còn thiếu: Rõ /);

    await cards.first().getByTestId("task-link").click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await page.getByTestId("task-clears").waitFor();
    await expect
      .poll(() => page.getByTestId("task-clears-summary").innerText())
      .toMatch(/^Còn \d+ trên \d+ tiêu chí chưa rõ\.$/);
    expect(await pageWidth(session)).toBeLessThanOrEqual(361);
    // Every tab is in sight (none folded behind "⋯"), and pausing or cancelling waits in "Thêm".
    expect(await page.locator(".ant-tabs-nav-operations:not(.ant-tabs-nav-operations-hidden)").count()).toBe(
      0,
    );
    expect(await page.getByRole("tab", { name: "Báo cáo", exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId("task-pause").count()).toBe(0);
    expect(await page.getByTestId("task-cancel").count()).toBe(0);

    await page.goto("/tasks/new");
    await page.getByTestId("task-clears-panel").waitFor();
    await page.getByTestId("task-title-input").waitFor();
    expect(await pageWidth(session)).toBeLessThanOrEqual(361);

    // A commune officer, who administers no accounts, names a person with an account, typed without accents.
    await page.getByTestId("task-responsible-account").click();
    await page.keyboard.type("le thi lan");
    await expect
      .poll(() => page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().innerText())
      .toContain("Lê Thị Lan");
  });
});
