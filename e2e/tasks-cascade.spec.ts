// A five-clears task, end to end. The provincial office adds a task to its plan from the plan's page:
// the form grades the clears as it is filled in, and the saved task has all five. It gives the task to
// three communes, dividing the target of 120 members per unit (the dialog refuses parts that do not add
// up). Two communes report their progress, each from its own browser; the province's task follows
// them. The province returns one report with a reason, which the commune reads; the province's
// dashboard counts the reports awaiting review as they arrive and as one goes back.
import { randomInt } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { formatVi, isoDate, signedInElsewhere, signInThroughPage, todayInVietnam } from "./journey-steps.ts";
import {
  awaitingReviewOnDashboard,
  clearGrades,
  pickDate,
  pickOrg,
  pickOrgs,
  reportProgress,
  taskIdOf,
} from "./task-steps.ts";

const COMMUNES = ["Đảng ủy xã Tân Hưng", "Đảng ủy phường Kinh Bắc", "Đảng ủy phường Võ Cường"] as const;

let session: BrowserSession;
const others: Browser[] = [];
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
  for (const browser of others.splice(0)) await browser.close();
});

/** The commune's own task given by the province (found by its unique title), opened on its reports. */
async function openCommuneTask(page: Page, title: string, commune: string): Promise<void> {
  await page.goto(`/tasks?q=${encodeURIComponent(title)}`);
  const row = page.getByTestId("task-row").filter({ hasText: commune });
  await expect.poll(() => row.count()).toBe(1);
  await row.getByTestId("task-link").click();
  await page.waitForURL(/\/tasks\/\d+$/);
}

describe("a five-clears task given down the tree", () => {
  it("is created in a plan with its clears, cascaded with its target divided, reported, returned, counted", async () => {
    const { page, baseUrl } = session;
    const title = `Kết nạp đảng viên mới, đợt ${randomInt(10_000, 100_000)}`;
    const today = todayInVietnam();
    const due = formatVi(isoDate(new Date(today.getTime() + 60 * 86_400_000)));

    await signInThroughPage(page, "vanphong");
    const awaitingBefore = await awaitingReviewOnDashboard(page);

    // The province's plan carrying out 21-KL/TW: its "Nhiệm vụ" tab adds a task in it.
    const planId = await page.evaluate(async () => {
      const response = await fetch("/api/documents?q=12-KH%2FTU&plansOnly=true&pageSize=1");
      return ((await response.json()) as { items: { id: number }[] }).items[0]?.id;
    });
    expect(planId, "the demo's plan 12-KH/TU").toBeDefined();
    await page.goto(`/documents/${planId}?tab=tasks`);
    // A tap on another progress formula only selects it: nothing is saved until "Lưu cách tính" is
    // confirmed, and "Giữ cách tính cũ" puts the choice back.
    const formula = page.getByTestId("plan-formula-choice");
    await formula.waitFor();
    const formulaBefore = await formula.locator("input:checked").getAttribute("value");
    await formula.locator("input:not(:checked)").first().check();
    await page.getByTestId("plan-formula-save").waitFor();
    await page.getByTestId("plan-formula-revert").click();
    expect(await page.getByTestId("plan-formula-save").count()).toBe(0);
    expect(await formula.locator("input:checked").getAttribute("value")).toBe(formulaBefore);
    await page.getByTestId("plan-task-add").click();
    await page.waitForURL(/\/tasks\/new\?plan=\d+/);
    await expect.poll(() => page.getByTestId("task-plan").innerText()).toContain("12-KH/TU");

    // The clears are graded as the form is filled in.
    await expect
      .poll(() => page.getByTestId("task-clears-summary").innerText())
      .toBe("Còn 5 trên 5 tiêu chí chưa rõ.");
    // Not an error before anything is typed.
    expect(await page.getByTestId("task-clears-summary").getAttribute("data-tone")).toBe("neutral");
    await page.getByTestId("task-title-input").fill(title);
    await pickOrg(page, "task-lead", "tinh uy bac ninh", "Tỉnh ủy Bắc Ninh");
    await page.getByTestId("task-responsible-name").fill("đồng chí Trưởng Ban Tổ chức Tỉnh ủy");
    await pickDate(page, "task-start-input", formatVi(isoDate(today)));
    await pickDate(page, "task-due-input", due);
    await page.getByTestId("task-report-frequency").click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "hằng tháng" })
      .click();
    await page.getByTestId("task-target-input").fill("120");
    // A number without its unit is not a clear result yet.
    await expect
      .poll(() => clearGrades(page))
      .toEqual({
        person: "present",
        job: "present",
        time: "present",
        responsibility: "present",
        result: "weak",
      });
    await page.getByTestId("task-target-unit").fill("đảng viên");
    await expect.poll(() => page.getByTestId("task-clears-summary").innerText()).toBe("Đủ 5 rõ.");

    await page.getByTestId("task-form-save").click();
    await page.waitForURL(/\/tasks\/\d+$/);
    const taskId = taskIdOf(page);
    expect(await page.getByTestId("task-title").innerText()).toBe(title);
    await expect.poll(() => page.getByTestId("task-clears-summary").innerText()).toBe("Đủ 5 rõ.");
    expect(await page.getByTestId("task-marks").getByTestId("task-missing-clears").count()).toBe(0);
    expect(await page.getByTestId("task-target-text").innerText()).toBe("120 đảng viên");
    expect(await page.getByTestId("task-plan-link").innerText()).toContain("12-KH/TU");

    // Given to three communes, the target divided per unit: parts that miss it cannot be sent.
    await page.getByTestId("task-cascade").click();
    await page.getByTestId("cascade-mode").getByText("Chọn từng tổ chức").click();
    await pickOrgs(page, "cascade-orgs", COMMUNES);
    await expect
      .poll(() => page.getByTestId("task-cascade-preview").innerText())
      .toBe("Sẽ giao cho 3 đơn vị.");
    await page.getByTestId("task-cascade-division").getByText("Nhập cho từng đơn vị").click();
    const part = (commune: string) =>
      page
        .getByTestId("task-cascade-orgs")
        .locator("tr", { hasText: commune })
        .getByTestId("task-cascade-part");
    // The parts start from the equal shares.
    await expect.poll(() => part(COMMUNES[0]).inputValue()).toBe("40");
    await part(COMMUNES[0]).fill("70");
    await expect
      .poll(() => page.getByTestId("task-cascade-sum").innerText())
      .toBe("Tổng đã chia: 150 / 120\nVượt 30 so với chỉ tiêu.");
    expect(await page.getByTestId("task-cascade-ok").isDisabled()).toBe(true);
    await part(COMMUNES[1]).fill("20");
    await part(COMMUNES[2]).fill("20");
    await expect
      .poll(() => page.getByTestId("task-cascade-sum").innerText())
      .toBe("Tổng đã chia: 110 / 120\nCòn thiếu 10 so với chỉ tiêu.");
    await part(COMMUNES[0]).fill("60");
    await part(COMMUNES[1]).fill("30");
    await part(COMMUNES[2]).fill("30");
    await expect
      .poll(() => page.getByTestId("task-cascade-sum").innerText())
      .toBe("Tổng đã chia: 120 / 120\nKhớp với chỉ tiêu của nhiệm vụ.");
    await page.getByTestId("task-cascade-ok").click();
    await page.getByTestId("cascade-mode").waitFor({ state: "hidden" });

    await page.getByRole("tab", { name: "Cấp dưới (3)" }).click();
    const children = page.getByTestId("task-children").getByTestId("task-row");
    await expect.poll(() => children.count()).toBe(3);
    // Each child is named by its lead unit, not by the parent's long title again.
    for (const commune of COMMUNES)
      expect(await children.filter({ hasText: commune }).getByTestId("task-link").innerText()).toBe(commune);
    expect(await page.getByTestId("task-children-target").innerText()).toBe(
      "Chỉ tiêu đã chia cho cấp dưới: 120 đảng viên trên 120 đảng viên.",
    );

    // Tân Hưng reports half done, 30 of its 60; Kinh Bắc 40 %, 12 of its 30. Each child names no one
    // yet, so each is marked as lacking a clear.
    const tanHung = await signedInElsewhere(baseUrl, "tanhung", others);
    await openCommuneTask(tanHung, title, COMMUNES[0]);
    expect(await tanHung.getByTestId("task-target-text").innerText()).toBe("60 đảng viên");
    expect(await tanHung.getByTestId("task-marks").getByTestId("task-missing-clears").count()).toBe(1);
    await reportProgress(tanHung, {
      percent: 50,
      actualValue: 30,
      narrative: "Đã kết nạp 30 quần chúng ưu tú.",
    });
    const kinhBac = await signedInElsewhere(baseUrl, "phuong.kinhbac", others);
    await openCommuneTask(kinhBac, title, COMMUNES[1]);
    await reportProgress(kinhBac, { percent: 40, actualValue: 12, narrative: "Đã kết nạp 12 đảng viên." });

    // The province's task follows its children: (50 + 40 + 0) / 3 = 30 %, 42 members so far.
    await page.goto(`/tasks/${taskId}`);
    await expect.poll(() => page.getByTestId("task-actual").innerText()).toBe("42 đảng viên");
    expect(await page.getByTestId("task-marks").getByTestId("task-progress").innerText()).toContain("30%");
    await expect.poll(() => awaitingReviewOnDashboard(page)).toBe(awaitingBefore + 2);

    // The province returns Kinh Bắc's report with a reason.
    await page.goto(`/tasks/${taskId}?tab=children`);
    await page
      .getByTestId("task-children")
      .getByTestId("task-row")
      .filter({ hasText: COMMUNES[1] })
      .getByTestId("task-link")
      .click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await page.getByRole("tab", { name: "Báo cáo", exact: true }).click();
    await page.getByTestId("report-return").click();
    const reason = "Chưa kèm danh sách đảng viên mới kết nạp; đề nghị bổ sung.";
    await page.getByTestId("report-return-reason").fill(reason);
    await page.getByTestId("report-return-ok").click();
    await expect
      .poll(() => page.getByTestId("report-status").first().getAttribute("data-status"))
      .toBe("returned");

    // Kinh Bắc reads why; the province's task and dashboard no longer count the returned report.
    await kinhBac.reload();
    await kinhBac.getByRole("tab", { name: "Báo cáo", exact: true }).click();
    await expect
      .poll(() => kinhBac.getByTestId("report-return-reason-text").first().innerText())
      .toBe(reason);
    expect(await kinhBac.getByTestId("report-resubmit").count()).toBe(1);
    await page.goto(`/tasks/${taskId}`);
    await expect.poll(() => page.getByTestId("task-actual").innerText()).toBe("30 đảng viên");
    expect(await page.getByTestId("task-marks").getByTestId("task-progress").innerText()).toContain("17%");
    await expect.poll(() => awaitingReviewOnDashboard(page)).toBe(awaitingBefore + 1);
  }, 240_000);
});
