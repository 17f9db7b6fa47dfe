// The province's leader opens the roll-up from the dashboard, drills from the province to a commune and
// on to one of its cells (the path stays in the address and in the breadcrumb), reads how the progress
// figure was computed, goes back up by the breadcrumb, and exports the figures as an .xlsx workbook.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { apiSession, signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

describe("task roll-up", () => {
  it("drills from the province to a cell, explains its figures and exports them", async () => {
    const { page } = session;
    await signInThroughPage(page, "bithu.tinh");
    await page.waitForURL(/\/task-dashboard/);
    await page.getByTestId("task-dashboard-rollup-link").click();
    await page.waitForURL(/\/task-rollup/);
    await expect.poll(() => page.getByTestId("rollup-path-current").innerText()).toBe("Tỉnh ủy Bắc Ninh");

    // A commune with the most tasks (it has given some to its cells): the by-organisation table sorted
    // by the number of tasks, most first.
    await page.goto("/task-dashboard");
    const table = page.getByTestId("by-org-table");
    const header = table.getByRole("columnheader", { name: "Số nhiệm vụ" });
    await header.click();
    await header.click();
    const communeLink = table
      .getByTestId("dashboard-drill")
      .filter({ hasText: /^Đảng ủy (xã|phường)/ })
      .first();
    const commune = await communeLink.innerText();
    await communeLink.click();
    await page.waitForURL(/\/task-rollup\?orgId=\d+/);
    await expect.poll(() => page.getByTestId("rollup-path-current").innerText()).toBe(commune);
    expect(await page.getByTestId("rollup-path-step").allInnerTexts()).toEqual(["Tỉnh ủy Bắc Ninh"]);

    // One of its cells, one more click down.
    const cellGroup = page
      .getByTestId("rollup-group")
      .filter({ has: page.getByTestId("rollup-group-open") })
      .first();
    const cell = await cellGroup.getByTestId("rollup-group-name").innerText();
    await cellGroup.getByTestId("rollup-group-open").locator("a").click();
    await expect.poll(() => page.getByTestId("rollup-path-current").innerText()).toBe(cell);
    expect(await page.getByTestId("rollup-path-step").allInnerTexts()).toEqual(["Tỉnh ủy Bắc Ninh", commune]);
    const cellUrl = page.url();

    // How the cell's progress was computed, written out.
    await page.getByTestId("how-progress").click();
    await expect.poll(() => page.getByTestId("how-progress-text").innerText()).toMatch(/=/);
    const tasks = await page.getByTestId("figure-total").locator(".ant-statistic-content").innerText();
    expect(await page.getByTestId("how-progress-text").innerText()).toContain(tasks);

    // The address holds the path: a reload shows the same cell.
    await page.reload();
    await expect.poll(() => page.getByTestId("rollup-path-current").innerText()).toBe(cell);
    expect(page.url()).toBe(cellUrl);

    // The export is a workbook of these figures.
    const download = page.waitForEvent("download");
    await page.getByTestId("task-rollup-export").click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // Back up to the province by the breadcrumb.
    await page.getByTestId("rollup-path-step").first().click();
    await expect.poll(() => page.getByTestId("rollup-path-current").innerText()).toBe("Tỉnh ủy Bắc Ninh");

    // The figures are those of the roll-up route (same numbers as the API gives the leader).
    const api = await apiSession(page.context().request, "bithu.tinh");
    const rollup = await api.get<{ figures: { counts: { total: number } } }>("/api/task-rollup");
    const shown = await page.getByTestId("figure-total").locator(".ant-statistic-content").innerText();
    expect(Number(shown.replace(/\./g, ""))).toBe(rollup.figures.counts.total);
  }, 120_000);
});
