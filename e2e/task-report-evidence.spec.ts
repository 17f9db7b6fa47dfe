// A commune reports a task's completion on a phone with evidence: a file over 20 MB and an old .doc are
// refused at once with their reason (nothing is sent); a text file goes up and is listed under the
// report. The province returns the report — not without a reason — and the commune, reading the reason
// in the form, corrects it and sends it again; the report's history shows both.
import { randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, launchBrowser, openPage } from "./browser.ts";
import { apiSession, isoDate, signInThroughPage, todayInVietnam } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage({ width: 360, height: 740 });
});
afterEach(async () => {
  await session.close();
});

const MB = 1024 * 1024;

describe("reporting with evidence", () => {
  it("refuses an oversized or old file at once, uploads evidence, and is returned and sent again", async () => {
    const { page, baseUrl } = session;
    // The provincial office gives Tân Hưng a task reported once, on completion.
    const officeBrowser = await launchBrowser();
    const officeContext = await officeBrowser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 800 },
    });
    const office = await apiSession(officeContext.request, "vanphong");
    const hits = await office.get<{ items: { id: number; name: string }[] }>(
      "/api/organisations/search?q=dang%20uy%20xa%20tan%20hung",
    );
    const tanHung = hits.items.find((org) => org.name === "Đảng ủy xã Tân Hưng");
    const roots = await office.get<{ items: { id: number }[] }>("/api/organisations/roots");
    const today = todayInVietnam();
    const title = `Tổ chức hội nghị sơ kết chuyên đề ${randomInt(100_000, 999_999)}`;
    const task = await office.post<{ id: number }>("/api/tasks", {
      ownerOrgId: roots.items[0]?.id,
      title,
      leadOrgId: tanHung?.id,
      responsibleName: "đồng chí Bí thư Đảng ủy xã",
      startDate: isoDate(new Date(today.getTime() - 20 * 86_400_000)),
      dueDate: isoDate(new Date(today.getTime() + 20 * 86_400_000)),
      deliverable: "Báo cáo sơ kết",
      targetValue: 2,
      targetUnit: "hội nghị",
    });

    await signInThroughPage(page, "tanhung");
    // The commune's first screen says what it must do: the task just given to it is there, a link.
    await page.goto("/task-dashboard");
    const assigned = page.locator('[data-testid="task-todo-group"][data-group="assigned"]');
    await expect.poll(() => assigned.innerText()).toContain(title);
    await page.goto(`/tasks/${task.id}?tab=reports`);
    await page.getByTestId("task-reports").waitFor();
    await page.getByTestId("task-report-new").click();
    const form = page.getByTestId("report-form");
    await form.waitFor();
    await page.getByTestId("report-percent").fill("100");
    await page.getByTestId("report-actual-value").fill("2");
    // Nothing said of what was done: not sent.
    await page.getByTestId("report-submit").click();
    await expect.poll(() => form.innerText()).toContain("Vui lòng ghi nội dung đã thực hiện trong kỳ.");
    await page.getByTestId("report-narrative").fill("Đã tổ chức 2 hội nghị sơ kết.");
    // At 100 % the finishing day appears, today by default.
    await page.getByTestId("report-completed-on").waitFor();

    const input = page.getByTestId("report-evidence-input");
    await input.setInputFiles({
      name: "bien-ban-lon.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.alloc(21 * MB),
    });
    await expect.poll(() => page.getByTestId("report-evidence-error").innerText()).toContain("tối đa 20 MB");
    await input.setInputFiles({
      name: "bien-ban-cu.doc",
      mimeType: "application/msword",
      buffer: Buffer.from("x"),
    });
    await expect
      .poll(() => page.getByTestId("report-evidence-error").innerText())
      .toContain("không đúng loại");
    expect(await page.getByTestId("report-evidence-chosen").count()).toBe(0);
    await input.setInputFiles({
      name: "bien-ban-hoi-nghi.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Biên bản hội nghị sơ kết chuyên đề, xã Tân Hưng.\n".repeat(50)),
    });
    await expect.poll(() => page.getByTestId("report-evidence-chosen").count()).toBe(1);
    // Nothing scrolls sideways in the form on a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);
    await page.getByTestId("report-submit").click();
    await form.waitFor({ state: "hidden" });
    const card = page.getByTestId("report-period").first();
    await expect.poll(() => card.getByTestId("report-status").getAttribute("data-status")).toBe("submitted");
    await expect.poll(() => card.getByTestId("evidence-file-name").innerText()).toBe("bien-ban-hoi-nghi.txt");

    // The province returns it: the reason is required.
    const office2 = await officeContext.newPage();
    await signInThroughPage(office2, "vanphong");
    await office2.goto(`/tasks/${task.id}?tab=reports`);
    await office2.getByTestId("report-return").click();
    await office2.getByTestId("report-return-ok").click();
    await expect
      .poll(() => office2.getByTestId("report-return-dialog").innerText())
      .toContain("Vui lòng ghi lý do trả lại");
    const dialog = await office2.getByTestId("report-return-dialog").innerText();
    expect(dialog).toContain(`Báo cáo khi hoàn thành — ${title}`);
    expect(dialog).not.toContain("Báo cáo Báo cáo");
    expect(await office2.getByTestId("report-return-count").innerText()).toBe("0 / 2.000 ký tự");
    const reason = "Biên bản chưa có chữ ký của chủ trì hội nghị.";
    await office2.getByTestId("report-return-reason").fill(reason);
    await office2.getByTestId("report-return-ok").click();
    await expect
      .poll(() => office2.getByTestId("report-status").first().getAttribute("data-status"))
      .toBe("returned");
    await officeBrowser.close();

    // The commune's first screen lists the returned report with its reason; there it reads the reason in
    // the form, corrects the report and sends it again.
    await page.goto("/task-dashboard");
    const returned = page.locator('[data-testid="task-todo-group"][data-group="returned"]');
    await expect.poll(() => returned.innerText()).toContain(reason);
    await page.goto(`/tasks/${task.id}?tab=reports`);
    await page.getByTestId("report-resubmit").click();
    await expect.poll(() => page.getByTestId("report-form-return-reason").innerText()).toContain(reason);
    await page.getByTestId("report-narrative").fill("Đã tổ chức 2 hội nghị; biên bản đã ký, gửi kèm.");
    await page.getByTestId("report-submit").click();
    await page.getByTestId("report-form").waitFor({ state: "hidden" });
    await expect.poll(() => card.getByTestId("report-status").getAttribute("data-status")).toBe("submitted");
    const history = await card.getByTestId("report-history").innerText();
    expect(history).toContain("Bị trả lại để chỉnh sửa");
    expect(history).toContain(reason);
    expect(history).toContain("Gửi lại sau khi chỉnh sửa");
  }, 180_000);
});
