// Steps of the task journeys: choosing organisations and dates in the task forms, reading the clears'
// grades, reporting progress on a task's reports tab, reading the dashboard's count of reports awaiting
// review.
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Picks the organisation named exactly `name` (the option also shows its place in the tree) and waits
 * until the picker shows it. A click that lands while the search's results replace the list is lost,
 * so the pick is tried again then.
 */
export async function pickOrg(page: Page, testId: string, search: string, name: string): Promise<void> {
  const field = page.getByTestId(testId);
  for (let attempt = 1; ; attempt += 1) {
    await field.click();
    await page.keyboard.type(search);
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ has: page.getByText(name, { exact: true }) })
      .first()
      .click();
    const chosen = await field
      .getByText(name, { exact: true })
      .first()
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (chosen) return;
    if (attempt === 3) throw new Error(`${name} could not be chosen in ${testId}`);
    console.warn(`pickOrg: ${name} was not chosen in ${testId} (attempt ${attempt}); trying again`);
    // Start again from an empty search box.
    await field.locator("input").fill("");
  }
}

/** Picks organisations one by one in a multiple organisation picker. */
export async function pickOrgs(page: Page, testId: string, names: readonly string[]): Promise<void> {
  for (const name of names) await pickOrg(page, testId, name, name);
  const chosen = await page.getByTestId(testId).innerText();
  for (const name of names) expect(chosen).toContain(name);
}

/** Types a date (dd/mm/yyyy) into an Ant Design date picker and confirms it. */
export async function pickDate(page: Page, testId: string, date: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(date);
  await page.keyboard.press("Enter");
}

/** Each clear's grade in the clears list shown (the form's live panel or the task's page). */
export async function clearGrades(page: Page): Promise<Record<string, string | null>> {
  const clears = page.getByTestId("task-clear");
  const grades: Record<string, string | null> = {};
  for (const clear of await clears.all()) {
    const key = await clear.getAttribute("data-clear");
    if (key) grades[key] = await clear.getAttribute("data-grade");
  }
  return grades;
}

export function taskIdOf(page: Page): number {
  const id = Number(/\/tasks\/(\d+)/.exec(new URL(page.url()).pathname)?.[1]);
  expect(Number.isInteger(id) && id > 0, page.url()).toBe(true);
  return id;
}

/** On a task's page: reports the first period open for a report, and waits until it is sent. */
export async function reportProgress(
  page: Page,
  report: { percent: number; actualValue?: number; narrative: string },
): Promise<void> {
  await page.getByRole("tab", { name: "Báo cáo", exact: true }).click();
  await page.getByTestId("report-open-form").first().click();
  await page.getByTestId("report-percent").fill(String(report.percent));
  if (report.actualValue !== undefined)
    await page.getByTestId("report-actual-value").fill(String(report.actualValue));
  await page.getByTestId("report-narrative").fill(report.narrative);
  await page.getByTestId("report-submit").click();
  await expect
    .poll(() => page.getByTestId("report-status").first().getAttribute("data-status"))
    .toBe("submitted");
}

/** The province dashboard's count of reports awaiting review, read afresh. */
export async function awaitingReviewOnDashboard(page: Page): Promise<number> {
  await page.goto("/task-dashboard");
  const value = page.getByTestId("figure-awaiting").locator(".ant-statistic-content");
  await value.waitFor();
  return Number((await value.innerText()).replace(/\./g, ""));
}
