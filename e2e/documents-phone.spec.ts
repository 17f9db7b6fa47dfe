// The register on a 360 px phone: results as cards, a document's details, text and relations, and the
// upload wizard — nothing scrolls sideways.
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { openDocument, searchDocuments } from "./document-steps.ts";
import { signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage({ width: 360, height: 740 });
});
afterEach(async () => {
  await session.close();
});

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe("the register on a phone", () => {
  it("shows results, a document and the wizard within 360 px", async () => {
    const { page } = session;
    await signInThroughPage(page, "vanphong");
    await searchDocuments(page, "ket luan 21");
    const cards = page.getByTestId("document-row");
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    expect(await page.locator("table").count(), "cards, not a table").toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(361);

    const href = await cards.first().getByTestId("document-link").getAttribute("href");
    const id = Number(/\/documents\/(\d+)/.exec(href ?? "")?.[1]);
    for (const tab of ["info", "text", "relations"] as const) {
      await openDocument(page, id, tab);
      await page.waitForLoadState("networkidle");
      expect(await pageWidth(page), `the ${tab} tab`).toBeLessThanOrEqual(361);
    }

    await page.goto("/documents/new");
    await page.getByTestId("document-upload-step").waitFor();
    await page.getByTestId("document-manual").click();
    await page.getByTestId("document-header-step").waitFor();
    expect(await pageWidth(page), "the header step").toBeLessThanOrEqual(361);
  });
});
