// A provincial office relates a plan to the Kết luận it carries out by hand (the picker finds it by its
// number), sees the relation listed and drawn, removes it after confirming, and corrects the plan's
// subject in the edit drawer. When someone else changes the subject and the signer while the drawer is
// open, saving asks only about the subject, and the signer keeps the other person's value.
import { randomBytes, randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { documentTypeId, editDocumentElsewhere, openDocument } from "./document-steps.ts";
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
      signer: "Nguyễn Văn Hùng",
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
    // Same-named documents are told apart by where they come from.
    expect(await table.getByTestId("graph-node-origin").allInnerTexts()).toContain("Tỉnh ủy Bắc Ninh");

    // Removed after confirming.
    await page.getByRole("tab", { name: /Văn bản liên quan/ }).click();
    await outgoing.getByTestId("relation-remove").click();
    await page.getByTestId("relation-remove-ok").click();
    await outgoing.getByText("Văn bản này chưa liên kết tới văn bản nào.").waitFor();

    // The subject corrected in the drawer, while someone else changes the subject and the signer.
    await page.getByTestId("document-edit").click();
    await page.getByTestId("document-edit-drawer").waitFor();
    await expect.poll(() => page.getByTestId("document-form-subject").inputValue()).toContain(tag);
    await editDocumentElsewhere(context.request, plan.id, {
      subject: `Kế hoạch của người khác ${tag}`,
      signer: "Trần Thị Lan",
    });
    await page.getByTestId("document-form-subject").fill(`Kế hoạch thử liên kết đã sửa ${tag}`);
    await page.getByTestId("document-edit-save").click();
    const conflict = page.getByTestId("document-edit-conflict");
    await conflict.waitFor();
    // The conflict takes the focus, so a phone's screen (and a screen reader) goes to it.
    await expect
      .poll(() => conflict.evaluate((alert) => alert.parentElement === document.activeElement))
      .toBe(true);
    // Only the field both changed is asked about; the signer took the other person's value.
    await expect.poll(() => conflict.locator("tbody tr.ant-table-row").count()).toBe(1);
    expect(await conflict.locator("tbody tr.ant-table-row").innerText()).toContain(
      `Kế hoạch của người khác ${tag}`,
    );
    expect(await page.getByTestId("document-form-signer").inputValue()).toBe("Trần Thị Lan");
    await page.getByTestId("document-edit-save").click();
    await expect
      .poll(() => page.getByTestId("document-page-subject").innerText())
      .toBe(`Kế hoạch thử liên kết đã sửa ${tag}`);
    const saved = await api.get<{ subject: string; signer: string | null }>(`/api/documents/${plan.id}`);
    expect(saved).toMatchObject({ subject: `Kế hoạch thử liên kết đã sửa ${tag}`, signer: "Trần Thị Lan" });
  });
});
