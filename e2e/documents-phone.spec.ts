// The register on a 360 px phone: results as cards, a document's details, text and relations, and the
// upload wizard with its references as cards — nothing scrolls sideways. An edit that meets someone
// else's change shows the conflict in view, not above the fields scrolled to.

import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import {
  confirmHeader,
  documentTypeId,
  editDocumentElsewhere,
  openDocument,
  searchDocuments,
  uploadThroughWizard,
} from "./document-steps.ts";
import { apiSession, signInThroughPage } from "./journey-steps.ts";

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

    // The wizard from a file: the header, then one card per found reference with its match and
    // relation in view (no sideways scrolling inside a table either).
    const plan = [
      "TỈNH ỦY BẮC NINH",
      "Số 977-KH/TU",
      "Bắc Ninh, ngày 12 tháng 01 năm 2026",
      "KẾ HOẠCH",
      "thực hiện Kết luận số 21-KL/TW của Hội nghị Trung ương 4",
      "Thực hiện Kết luận số 21-KL/TW, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:",
    ].join("\n");
    await uploadThroughWizard(page, {
      name: "ke-hoach-977.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(plan, "utf8"),
    });
    expect(await pageWidth(page), "the header step").toBeLessThanOrEqual(361);
    await confirmHeader(page);
    const reference = page.getByTestId("document-reference-row").first();
    await reference.waitFor();
    expect(await page.getByTestId("document-references-step").locator("table").count(), "cards").toBe(0);
    const kind = await reference.getByTestId("reference-kind").boundingBox();
    expect((kind?.x ?? 0) + (kind?.width ?? 999), "the relation's choice in view").toBeLessThanOrEqual(360);
    expect(await pageWidth(page), "the references step").toBeLessThanOrEqual(361);
  });

  it("brings an edit conflict into view in the drawer", async () => {
    const { page, context } = session;
    const api = await apiSession(context.request, "vanphong");
    const me = await api.get<{ roles: { orgId: number }[] }>("/api/auth/me");
    const tag = randomBytes(3).toString("hex");
    const plan = await api.post<{ id: number }>("/api/documents", {
      typeId: await documentTypeId(api, "KH"),
      issuerCodes: ["TU"],
      issuedOn: "2026-01-20",
      subject: `Kế hoạch sửa trên điện thoại ${tag}`,
      ownerOrgId: me.roles[0]?.orgId,
    });
    await signInThroughPage(page, "vanphong");
    await openDocument(page, plan.id);
    await page.getByTestId("document-edit").click();
    const body = page.getByTestId("document-edit-drawer").locator(".ant-drawer-body");
    await body.waitFor();
    await editDocumentElsewhere(context.request, plan.id, { signer: "Trần Thị Lan" });
    // The person works on a field far down the drawer, then saves.
    await page.getByTestId("document-form-signer").fill("Lê Văn Minh");
    await expect.poll(() => body.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await page.getByTestId("document-edit-save").click();
    const conflict = page.getByTestId("document-edit-conflict");
    await conflict.waitFor();
    await expect.poll(() => body.evaluate((element) => element.scrollTop)).toBe(0);
    const box = await conflict.boundingBox();
    expect((box?.y ?? 999) + 40, "the conflict on screen").toBeLessThanOrEqual(740);
  });
});
