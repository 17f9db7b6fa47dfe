// The plan checker, end to end. The provincial office uploads a draft plan (.docx) and sees each task's
// clears: the words found highlighted in the text, the grades with their reasons. One task names a unit
// the province does not have ("Ban Xây dựng Đảng Tỉnh ủy"): its lead is left for the person, who picks
// the Ban Tổ chức among the organisations; another task is left out. The chosen tasks are created in a
// registered plan at once and listed — the corrected lead on its task, the weak task flagged. On a
// 360 px phone the page checks pasted text without scrolling sideways.
import { randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { docxBytes } from "../apps/api/test/document-fixtures.ts";
import { type BrowserSession, openPage } from "./browser.ts";
import { documentTypeId } from "./document-steps.ts";
import { apiSession, signInThroughPage } from "./journey-steps.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function draftPlan(tag: string): string[] {
  return [
    "TỈNH ỦY BẮC NINH",
    "KẾ HOẠCH",
    `Thực hiện công tác xây dựng Đảng năm 2026 (${tag})`,
    "II. NHIỆM VỤ, GIẢI PHÁP",
    `1. Văn phòng Tỉnh ủy chủ trì xây dựng quy chế làm việc ${tag}, trình Ban Thường vụ trước ngày 30/6/2026.`,
    `2. Ban Xây dựng Đảng Tỉnh ủy chủ trì rà soát quy hoạch cán bộ ${tag}, báo cáo kết quả trong quý III/2026.`,
    "3. Các cơ quan liên quan tăng cường công tác kiểm tra, giám sát thường xuyên.",
  ];
}

let session: BrowserSession;
afterEach(async () => {
  await session.close();
});

describe("the plan checker", () => {
  beforeEach(async () => {
    session = await openPage();
  });

  it("checks an uploaded draft, takes a corrected unit and creates the chosen tasks in a plan", async () => {
    const { page } = session;
    const tag = `KT${randomInt(100_000, 999_999)}`;
    const number = randomInt(1000, 9000);
    const api = await apiSession(page.request, "vanphong");
    const me = await api.get<{ roles: { orgId: number }[] }>("/api/auth/me");
    const plan = await api.post<{ id: number }>("/api/documents", {
      typeId: await documentTypeId(api, "KH"),
      number: String(number),
      issuerCodes: ["TU"],
      issuedOn: "2026-01-15",
      subject: `Kế hoạch thử kiểm tra kế hoạch ${tag}`,
      signer: "Nguyễn Văn Hùng",
      ownerOrgId: me.roles[0]?.orgId,
    });

    await signInThroughPage(page, "vanphong");
    await page.getByRole("menuitem", { name: "Kiểm tra kế hoạch" }).click();
    await page.getByTestId("plan-checker-page").waitFor();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: `du-thao-${tag}.docx`, mimeType: DOCX, buffer: docxBytes(draftPlan(tag)) });
    await expect
      .poll(() => page.getByTestId("plan-check-chosen").innerText())
      .toContain(`du-thao-${tag}.docx`);
    await page.getByTestId("plan-check-submit").click();
    await page.getByTestId("plan-check-results").waitFor({ timeout: 30_000 });

    // The summary and each task's clears.
    expect(await page.getByTestId("plan-summary").innerText()).toContain(
      "3 nhiệm vụ: 2 đủ “5 rõ”, 1 chưa đủ.",
    );
    const tasks = page.getByTestId("plan-task");
    await expect.poll(() => tasks.count()).toBe(3);
    const [first, second, third] = [tasks.nth(0), tasks.nth(1), tasks.nth(2)];
    expect(await first.getByTestId("plan-task-status").innerText()).toBe("Đủ 5 rõ");
    // the deadline is marked in the text as the time clear's words, with the clear's number
    const deadline = first.locator('mark[data-clears~="time"]');
    expect(await deadline.innerText()).toContain("trước ngày 30/6/2026");
    expect(await deadline.getAttribute("title")).toContain("Rõ thời gian");
    const weakTime = third.locator('[data-clear="time"]');
    expect(await weakTime.getAttribute("data-grade")).toBe("weak");
    expect(await weakTime.innerText()).toContain("Chỉ ghi “thường xuyên” mà không có kỳ báo cáo");
    expect(await page.getByTestId("plan-legend").innerText()).toContain("Rõ trách nhiệm");

    // The unit the province does not have is left for the person: they pick the Ban Tổ chức.
    const secondForm = second.getByTestId("plan-task-form");
    await secondForm.waitFor();
    expect(await secondForm.innerText()).toContain("chưa xác định được đơn vị");
    await second.getByTestId("plan-task-lead").click();
    await page.keyboard.type("Ban Tổ chức");
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "Ban Tổ chức Tỉnh ủy" })
      .first()
      .click();
    // The third task is left out.
    await third.getByTestId("plan-task-include").click();

    // Created in the registered plan, at once.
    const panel = page.getByTestId("plan-create");
    await panel.getByTestId("plan-create-plan").click();
    await page.keyboard.type(`${number}-KH`);
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: `${number}-KH/TU` })
      .first()
      .click();
    expect(await panel.getByTestId("plan-create-submit").innerText()).toContain("Tạo nhiệm vụ (2)");
    await panel.getByTestId("plan-create-submit").click();
    await page.locator(".ant-popconfirm:visible .ant-btn-primary").click();
    const created = page.getByTestId("plan-created-task");
    await expect.poll(() => created.count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByTestId("plan-created").innerText()).toContain("Đã tạo 2 nhiệm vụ.");

    // Listed in the plan: the corrected lead on the second, each flagged for the person it lacks.
    const listed = await api.get<{
      items: { id: number; title: string; leadOrg: { name: string } | null; missingClears: string[] }[];
    }>(`/api/tasks?planDocumentId=${plan.id}`);
    expect(listed.items.map((task) => task.leadOrg?.name ?? "").sort((a, b) => a.localeCompare(b))).toEqual([
      "Ban Tổ chức Tỉnh ủy",
      "Văn phòng Tỉnh ủy",
    ]);
    const reviewed = listed.items.find((task) => task.title.includes("rà soát quy hoạch cán bộ"));
    expect(reviewed?.missingClears).toContain("person");
    await page.goto(`/tasks?plan=${plan.id}`);
    await expect
      .poll(
        async () =>
          (await page.locator("#main-content").innerText()).includes(`rà soát quy hoạch cán bộ ${tag}`),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    expect(await page.locator("#main-content").innerText()).toContain(`xây dựng quy chế làm việc ${tag}`);

    // The plan's own page offers the check: it opens the checker for that plan (this one has no text yet).
    await page.goto(`/documents/${plan.id}`);
    await page.getByTestId("document-check-plan").click();
    await page.waitForURL(
      (url) => url.pathname === "/plan-checker" && url.searchParams.get("document") === String(plan.id),
    );
    await expect
      .poll(() => page.getByTestId("plan-check-from-document").innerText())
      .toContain("chưa có nội dung chữ");
  });
});

describe("the plan checker on a phone", () => {
  beforeEach(async () => {
    session = await openPage({ width: 360, height: 740 });
  });

  it("checks pasted text at 360 px without scrolling sideways, and says when it finds no task", async () => {
    const { page } = session;
    await signInThroughPage(page, "vanphong");
    await page.goto("/plan-checker");
    await page.getByTestId("plan-checker-page").waitFor();
    await page.getByRole("tab", { name: "Dán văn bản" }).click();
    await page.getByTestId("plan-check-text").fill("Kính gửi các đồng chí.");
    await page.getByTestId("plan-check-submit").click();
    await expect
      .poll(() => page.getByTestId("plan-check-error").innerText())
      .toContain("Không tìm thấy nhiệm vụ nào trong văn bản");
    await page.getByTestId("plan-check-text").fill(draftPlan("DT").join("\n"));
    await page.getByTestId("plan-check-submit").click();
    await page.getByTestId("plan-check-results").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("plan-task").count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);
  });
});
