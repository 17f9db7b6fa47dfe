// Bad input in the register's wizard: an old binary .doc is refused with a message saying what to do
// and nothing moves on; a plan whose number is already registered is sent back to its header with
// the message under the number, and registers once the number is corrected; going back a step or
// trying to leave keeps the upload and the correction.
import { randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { oleBytes } from "../apps/api/test/spreadsheet-fixtures.ts";
import { type BrowserSession, openPage } from "./browser.ts";
import { confirmHeader, createFromWizard, documentTypeId, uploadThroughWizard } from "./document-steps.ts";
import { apiSession, signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

function planText(number: number): string {
  return [
    "TỈNH ỦY BẮC NINH",
    "*",
    `Số ${number}-KH/TU`,
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Bắc Ninh, ngày 12 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "kiểm tra, giám sát năm 2026",
    "-----",
    "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
    "T/M BAN THƯỜNG VỤ",
    "BÍ THƯ",
    "Nguyễn Văn Hùng",
  ].join("\n");
}

describe("bad input in the register's wizard", () => {
  it("refuses an old .doc with a clear message and stays on the first step", async () => {
    const { page } = session;
    await signInThroughPage(page, "vanphong");
    await page.goto("/documents/new");
    await page.getByTestId("document-upload-step").waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: "ke-hoach-cu.doc",
      mimeType: "application/msword",
      buffer: oleBytes(),
    });
    await page.getByTestId("document-upload-submit").click();
    await expect.poll(() => page.getByTestId("document-upload-error").innerText()).toContain(".docx");
    expect(await page.getByTestId("document-header-step").count()).toBe(0);
  });

  it("sends a taken number back to the header, shown under the number, and registers once corrected", async () => {
    const { page, context } = session;
    const api = await apiSession(context.request, "vanphong");
    const me = await api.get<{ roles: { orgId: number }[] }>("/api/auth/me");
    const number = randomInt(600, 990);
    await api.post("/api/documents", {
      typeId: await documentTypeId(api, "KH"),
      number: String(number),
      issuerCodes: ["TU"],
      issuedOn: "2026-01-12",
      subject: "Kế hoạch đã đăng ký trước",
      ownerOrgId: me.roles[0]?.orgId,
    });

    await signInThroughPage(page, "vanphong");
    await uploadThroughWizard(page, {
      name: `ke-hoach-${number}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(planText(number), "utf8"),
    });
    await confirmHeader(page);
    await page.getByTestId("document-create").click();

    // Back on the header, the message under the number.
    await page.getByTestId("document-header-step").waitFor();
    const numberItem = page.locator(".ant-form-item", { has: page.getByTestId("document-form-number") });
    await expect
      .poll(() => numberItem.locator(".ant-form-item-explain-error").innerText())
      .toContain("đã có");
    expect(await page.getByTestId("document-create-error").innerText()).toContain("đã có");

    const corrected = number + 1000;
    await page.getByTestId("document-form-number").fill(String(corrected));
    // Going back to the first step keeps the upload and the correction.
    await page.getByTestId("document-header-back").click();
    await page.getByTestId("document-started").waitFor();
    expect(await page.getByTestId("document-started").innerText()).toContain(`ke-hoach-${number}.txt`);
    await page.getByTestId("document-continue-header").click();
    expect(await page.getByTestId("document-form-number").inputValue()).toBe(String(corrected));
    // Leaving the page asks first, and staying keeps everything.
    await page.getByTestId("document-new-back-to-list").click();
    await page.getByRole("button", { name: "Ở lại" }).click();
    expect(await page.getByTestId("document-form-number").inputValue()).toBe(String(corrected));
    await confirmHeader(page);
    await createFromWizard(page);
    expect(await page.getByTestId("document-title").innerText()).toContain(`Kế hoạch số ${corrected}-KH/TU`);
  });
});
