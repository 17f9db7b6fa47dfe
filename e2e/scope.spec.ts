// A commune's staff member cannot see another commune: its page is "not found", search does not
// list it, and the API answers 404.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, launchBrowser, openPage } from "./browser.ts";
import { apiSession, signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

describe("scoped access", () => {
  it("hides another commune from a commune's staff, in the UI and the API", async () => {
    // The provincial office looks up the other commune's id in a separate browser.
    const officeBrowser = await launchBrowser();
    const officeContext = await officeBrowser.newContext({ baseURL: session.baseUrl });
    const office = await apiSession(officeContext.request, "vanphong");
    const hits = await office.get<{ items: { id: number; name: string }[] }>(
      "/api/organisations/search?q=dang%20uy%20phuong%20kinh%20bac",
    );
    const kinhBac = hits.items.find((org) => org.name === "Đảng ủy phường Kinh Bắc");
    await officeBrowser.close();
    expect(kinhBac).toBeDefined();

    const { page } = session;
    await signInThroughPage(page, "tanhung");
    await page.goto(`/organisations/${kinhBac?.id}`);
    await expect.poll(() => page.locator(".ant-result-404").count()).toBe(1);
    expect(await page.locator("body").innerText()).not.toContain("Kinh Bắc");

    await page.goto("/organisations");
    const search = page.getByTestId("org-search").locator("input");
    await search.fill("kinh bac");
    await expect.poll(() => page.locator("body").innerText()).toMatch(/Không tìm thấy|Không có/);
    expect(await page.locator("body").innerText()).not.toContain("Kinh Bắc");

    const direct = await page.request.get(`/api/organisations/${kinhBac?.id}`);
    expect(direct.status()).toBe(404);
  });
});
