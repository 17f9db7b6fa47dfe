// The provincial administrator adds an organisation type allowed under communes; it then appears in the
// types list and among the choices for a new unit under a commune.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { pickOption, signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

describe("organisation types", () => {
  it("lets the administrator add a type that restructuring then offers", async () => {
    const { page } = session;
    const tag = randomBytes(3).toString("hex");
    const code = `chi_bo_thi_diem_${tag}`;
    const name = `Chi bộ thí điểm ${tag}`;
    await signInThroughPage(page, "admin");
    await page.goto("/org-types");
    await page.getByTestId("org-type-table").waitFor();
    await page.getByTestId("org-type-create").click();
    await page.getByTestId("dialog-org-type").waitFor();
    await page.getByTestId("org-type-code").fill(code);
    await page.getByTestId("org-type-name-vi").fill(name);
    await page.getByTestId("org-type-name-en").fill(`Pilot cell ${tag}`);
    await pickOption(page, "org-type-parents", "", "Đảng ủy xã / phường / đặc khu");
    await page.keyboard.press("Escape");
    await page.getByTestId("org-type-submit").click();
    await expect.poll(() => page.getByTestId(`org-type-row-${code}`).count()).toBe(1);

    // A commune's "add a unit" dialog now offers the new type.
    await page
      .getByTestId("org-search")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
    await page.goto("/organisations");
    await page.getByTestId("org-search").locator("input").fill("dang uy xa tan hung");
    await page
      .getByTestId("org-search-result")
      .filter({ hasText: "Đảng ủy xã Tân Hưng" })
      .first()
      .locator("a")
      .first()
      .click();
    await page.getByTestId("action-create").click();
    await page.getByTestId("dialog-create").waitFor();
    await page.getByTestId("create-type").click();
    const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: name });
    await expect.poll(() => option.count()).toBe(1);
  });
});
