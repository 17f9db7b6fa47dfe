// Provincial office staff register a plan from its text file, then find it again by typing words of it
// without diacritics: the hit shows the matched words highlighted; the document opens, and its text
// reads with the references it cites linked to their register entries.
import { randomBytes, randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import {
  confirmHeader,
  createFromWizard,
  foundReferences,
  proposedHeader,
  searchDocuments,
  uploadThroughWizard,
} from "./document-steps.ts";
import { signInThroughPage } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

/** A plan as its .txt file reads: header, type line, subject, body citing other documents, signature. */
function planText(number: number, phrase: string): string {
  return [
    "TỈNH ỦY BẮC NINH",
    "*",
    `Số ${number}-KH/TU`,
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Bắc Ninh, ngày 10 tháng 02 năm 2026",
    "KẾ HOẠCH",
    `triển khai phong trào “${phrase}” trong các chi bộ`,
    "-----",
    `Thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII và Chỉ thị 05-CT/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch triển khai phong trào “${phrase}” như sau:`,
    "I. MỤC ĐÍCH, YÊU CẦU",
    `1. Mỗi chi bộ đăng ký ít nhất một việc làm cụ thể hưởng ứng phong trào ${phrase}, báo cáo kết quả trước ngày 30/6/2026.`,
    "Nơi nhận:",
    "- Các đảng ủy trực thuộc,",
    "- Lưu Văn phòng Tỉnh ủy.",
    "T/M BAN THƯỜNG VỤ",
    "BÍ THƯ",
    "Nguyễn Văn Hùng",
  ].join("\n");
}

describe("searching the document register", () => {
  it("finds a plan by words typed without diacritics, highlights them, and reads its text with linked references", async () => {
    const { page } = session;
    const tag = randomBytes(3).toString("hex");
    const number = randomInt(600, 990);
    // Words no demo document holds, so the search finds only ours.
    const phrase = `Ngọn đuốc sáng Quỳnh Lưu ${tag}`;

    await signInThroughPage(page, "vanphong");
    await uploadThroughWizard(page, {
      name: `ke-hoach-${number}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(planText(number, phrase), "utf8"),
    });
    const header = await proposedHeader(page);
    expect(header.number).toBe(String(number));
    expect(header.subject).toContain(phrase);
    await confirmHeader(page);
    const references = await foundReferences(page);
    expect(references.map((reference) => reference.text).join(" | ")).toContain("21-KL/TW");
    const id = await createFromWizard(page);
    expect(await page.getByTestId("document-title").innerText()).toContain(`Kế hoạch số ${number}-KH/TU`);

    // Found again by typing without diacritics.
    await searchDocuments(page, `ngon duoc sang quynh luu ${tag}`);
    const row = page.getByTestId("document-row").filter({ hasText: `${number}-KH/TU` });
    await expect.poll(() => row.count()).toBe(1);
    const marks = row.locator("[data-testid=document-snippet] mark");
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    const highlighted = (await marks.allInnerTexts()).join(" ").toLocaleLowerCase("vi");
    expect(highlighted).toContain("quỳnh");
    expect(await row.getByTestId("document-link").innerText()).toBe(`Số ${number}-KH/TU`);

    // Open it and read its text: the Kết luận it carries out is a link to its register entry.
    await row.getByTestId("document-link").click();
    await page.waitForURL(new RegExp(`/documents/${id}(\\?|$)`));
    await page.getByRole("tab", { name: "Nội dung" }).click();
    await page.getByTestId("document-text").waitFor();
    expect(await page.getByTestId("document-text").innerText()).toContain(phrase);
    const conclusion = page.getByTestId("text-reference-link").filter({ hasText: "21-KL/TW" }).first();
    await conclusion.click();
    await page.waitForURL(
      (url) => /^\/documents\/\d+$/.test(url.pathname) && url.pathname !== `/documents/${id}`,
    );
    expect(await page.getByTestId("document-title").innerText()).toContain("21-KL/TW");

    // Back on the plan, the relation shows both ways: the plan lists the Kết luận it carries out.
    await page.goto(`/documents/${id}?tab=relations`);
    const outgoing = page.getByTestId("relations-outgoing");
    await expect
      .poll(() => outgoing.getByTestId("relation-link").allInnerTexts())
      .toContain("Kết luận số 21-KL/TW");
  });
});
