// Office staff merge two communes into a new one from today, then look at the tree as of the day
// before: the two communes are there, the new one is not.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import {
  apiSession,
  formatVi,
  isoDate,
  pickOption,
  signInThroughPage,
  todayInVietnam,
} from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

interface OrgRef {
  id: number;
  name: string;
}

describe("merging two organisations", () => {
  it("merges through the organisation page and shows the tree as of the day before", async () => {
    const { page, context } = session;
    const tag = randomBytes(3).toString("hex");
    const east = `Đảng ủy xã Đông Lâm ${tag}`;
    const west = `Đảng ủy xã Tây Lâm ${tag}`;
    const merged = `Đảng ủy xã Lâm Hợp ${tag}`;

    // Two communes that existed since 2024, created through the API as the provincial office.
    const api = await apiSession(context.request, "vanphong");
    const roots = await api.get<{ items: OrgRef[] }>("/api/organisations/roots");
    const province = roots.items.find((org) => org.name === "Tỉnh ủy Bắc Ninh");
    expect(province).toBeDefined();
    const basis = { effectiveDate: "2024-01-01", decisionRef: `Quyết định số ${tag}-QĐ/TU` };
    const created: OrgRef[] = [];
    for (const name of [east, west]) {
      const result = await api.post<{ organisations: OrgRef[] }>("/api/organisations", {
        ...basis,
        name,
        typeCode: "dang_uy_xa",
        parentId: province?.id,
      });
      created.push(result.organisations[0] as OrgRef);
    }

    await signInThroughPage(page, "vanphong");
    await page.goto(`/organisations/${created[0]?.id}`);
    await expect.poll(() => page.getByTestId("org-title").innerText()).toContain(east);
    await page.getByTestId("action-merge").click();
    const dialog = page.getByTestId("dialog-merge");
    await dialog.waitFor();
    await pickOption(page, "merge-others", `tay lam ${tag}`, west);
    await page.getByTestId("merge-new-name").fill(merged);
    await pickOption(page, "merge-new-type", "", "Đảng ủy xã / phường / đặc khu");
    await page.getByTestId("restructure-decision-ref").fill(`Nghị quyết số ${tag}-NQ/TU`);
    await page.getByTestId("restructure-submit").click();
    await expect.poll(() => page.getByTestId("restructure-confirm-text").innerText()).toContain(west);
    await page.getByTestId("restructure-confirm-ok").click();

    // The new commune's page, with its lineage.
    await expect.poll(() => page.getByTestId("org-title").innerText(), { timeout: 15_000 }).toContain(merged);
    await expect.poll(() => page.getByTestId("org-history").innerText()).toContain(east);

    // Today's tree: the new commune is found, the old ones are not.
    await page.goto("/organisations");
    const search = page.getByTestId("org-search").locator("input");
    await search.fill(tag);
    await expect.poll(() => page.getByTestId("org-search-results").innerText()).toContain(merged);
    expect(await page.getByTestId("org-search-results").innerText()).not.toContain(east);

    // As of the day before: the two communes, not the merged one.
    const dayBefore = new Date(todayInVietnam().getTime() - 24 * 3600 * 1000);
    const asOf = page.locator("#as-of-date");
    await asOf.click();
    await asOf.fill(formatVi(isoDate(dayBefore)));
    await asOf.press("Enter");
    await expect
      .poll(() => page.getByTestId("as-of-notice").innerText())
      .toContain(formatVi(isoDate(dayBefore)));
    await search.fill(tag);
    await expect.poll(() => page.getByTestId("org-search-results").innerText()).toContain(east);
    const results = await page.getByTestId("org-search-results").innerText();
    expect(results).toContain(west);
    expect(results).not.toContain(merged);
  });
});
