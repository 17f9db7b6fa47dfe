// On a phone, a party member gives the e-mail address reminders are sent to on "my account": a wrong
// address is explained under the field, a right one is saved and shown again after a reload, and
// removing it asks first.
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

describe("e-mail address for reminders", () => {
  it("is checked, saved, shown again and removed after a confirmation", async () => {
    const { page } = session;
    await signInThroughPage(page, "dangvien");
    await page.goto("/me");
    const input = page.getByTestId("me-email-input");
    await input.waitFor();
    await input.fill("dangvien@");
    await page.getByTestId("me-email-save").click();
    await expect
      .poll(() => page.getByTestId("me-email").innerText())
      .toContain("Địa chỉ thư chưa đúng, ví dụ: ten@example.vn");

    await input.fill("dang.vien@example.vn");
    await page.getByTestId("me-email-save").click();
    await expect.poll(() => page.getByText("Đã lưu địa chỉ thư điện tử.").count()).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => page.getByTestId("me-email-input").inputValue()).toBe("dang.vien@example.vn");
    // Nothing sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByTestId("me-email-input").fill("");
    await page.getByTestId("me-email-save").click();
    await page.getByRole("button", { name: "Xóa địa chỉ" }).click();
    await expect.poll(() => page.getByText("Đã xóa địa chỉ thư điện tử.").count()).toBeGreaterThan(0);
    const me = (await (await page.request.get("/api/auth/me")).json()) as {
      account: { email: string | null };
    };
    expect(me.account.email).toBeNull();
  });
});
