// A provincial office relates a plan to the Kết luận it carries out by hand (the picker finds it by its
// number), sees the relation listed and drawn, removes it after confirming, and corrects the plan's
// subject in the edit drawer.
import { randomBytes, randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { documentTypeId, openDocument } from "./document-steps.ts";
import { apiSession, pickOption, signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

describe("relations of a document", () => {
  it("adds a relation through the picker, shows it listed and drawn, removes it, and edits the subject", async () => {
    const { page, context } = session;
    const tag = randomBytes(3).toString("hex");
    const api = await apiSession(context.request, "vanphong");
    const me = await api.get<{ roles: { orgId: number }[] }>("/api/auth/me");
    const number = randomInt(600, 990);
    const plan = await api.post<{ id: number }>("/api/documents", {
      typeId: await documentTypeId(api, "KH"),
      number: String(number),
      issuerCodes: ["TU"],
      issuedOn: "2026-01-15",
      subject: `Kế hoạch thử liên kết ${tag}`,
      ownerOrgId: me.roles[0]?.orgId,
    });

    await signInThroughPage(page, "vanphong");
    await openDocument(page, plan.id, "relations");
    const outgoing = page.getByTestId("relations-outgoing");
    await outgoing.getByText("Văn bản này chưa liên kết tới văn bản nào.").waitFor();

    await page.getByTestId("relation-add").click();
    await page.getByTestId("relation-target").waitFor();
    await pickOption(page, "relation-target", "21-KL/TW", "Kết luận số 21-KL/TW");
    await page.getByTestId("relation-dialog-ok").click();
    await expect
      .poll(() => outgoing.getByTestId("relation-link").allInnerTexts())
      .toEqual(["Kết luận số 21-KL/TW"]);
    expect(await outgoing.getByTestId("relation-outgoing").innerText()).toContain("Cụ thể hóa");

    // Drawn, and listed in the table beside the drawing.
    await page.getByRole("tab", { name: "Sơ đồ liên kết" }).click();
    await page.getByTestId("document-graph-canvas").waitFor();
    const table = page.getByTestId("document-graph-table");
    await expect.poll(() => table.innerText()).toContain("Kết luận số 21-KL/TW");
    expect(await table.innerText()).toContain(`Kế hoạch số ${number}-KH/TU`);

    // Removed after confirming.
    await page.getByRole("tab", { name: /Văn bản liên quan/ }).click();
    await outgoing.getByTestId("relation-remove").click();
    await page.getByTestId("relation-remove-ok").click();
    await outgoing.getByText("Văn bản này chưa liên kết tới văn bản nào.").waitFor();

    // The subject corrected in the drawer.
    await page.getByTestId("document-edit").click();
    await page.getByTestId("document-edit-drawer").waitFor();
    await page.getByTestId("document-form-subject").fill(`Kế hoạch thử liên kết đã sửa ${tag}`);
    await page.getByTestId("document-edit-save").click();
    await expect
      .poll(() => page.getByTestId("document-page-subject").innerText())
      .toBe(`Kế hoạch thử liên kết đã sửa ${tag}`);
  });
});
