// A person finds organisations by typing names without diacritics and opens one: details, path,
// children and the history of the 2025 merger.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

describe("searching the tree without diacritics", () => {
  it("finds Bắc Ninh and Tân Hưng, and opens Tân Hưng with its lineage", async () => {
    const { page } = session;
    await signInThroughPage(page, "vanphong");
    // Those who follow tasks land on the dashboard; the tree is one menu entry away.
    await page.getByRole("menuitem", { name: /(^|\s)Tổ chức$/ }).click();
    const search = page.getByTestId("org-search").locator("input");

    await search.fill("bac ninh");
    await expect.poll(() => page.getByTestId("org-search-results").innerText()).toContain("Tỉnh ủy Bắc Ninh");

    await search.fill("dang uy xa tan hung");
    const result = page.getByTestId("org-search-result").filter({ hasText: "Đảng ủy xã Tân Hưng" });
    await expect.poll(() => result.count()).toBeGreaterThan(0);
    await result.first().locator("a").first().click();

    await page.waitForURL(/\/organisations\/\d+/);
    await expect.poll(() => page.getByTestId("org-title").innerText()).toContain("Đảng ủy xã Tân Hưng");
    await expect.poll(() => page.getByTestId("org-breadcrumb").innerText()).toContain("Tỉnh ủy Bắc Ninh");
    await expect.poll(() => page.getByTestId("org-child").count()).toBeGreaterThan(0);
    const lineage = page.getByTestId("org-lineage");
    await expect.poll(() => lineage.first().innerText()).toContain("Đảng ủy xã Tân An");
    await expect.poll(() => page.getByTestId("org-history").innerText()).toContain("Đảng ủy xã Hưng Đạo");
  });
});
