// Provincial office staff import a workbook of members through the wizard: the file has rows with
// errors and a column whose header the importer cannot recognise, so the proposed mapping is corrected;
// they download the error report, commit, find an imported member by typing the name without
// diacritics, export the list, and import the export again — nothing changes.
import { randomBytes, randomInt } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Download, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { apiSession, pickOption, signInThroughPage } from "./journey-steps.ts";
import { createEmptyCell, type OrgRef } from "./member-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

/** A header no office uses for the admission date: the importer must not guess it. */
const ODD_HEADER = "Đứng vào hàng ngũ của Đảng";

// Syllables for names that the demo province does not have, so the search finds only ours.
const FAMILY = ["Khổng", "Âu", "Lã", "Mạc", "Từ", "Quách"];
const MIDDLE = ["Thị Diệp", "Văn Khiêm", "Hữu Triệu", "Thị Xuyến", "Đình Quỳnh", "Thị Oanh"];
const GIVEN = ["Ánh", "Bích", "Cường", "Dũng", "Hằng"];

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)] as T;
}

async function buildWorkbook(names: string[], cards: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách");
  sheet.addRow(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số thẻ đảng viên", ODD_HEADER]);
  sheet.addRow([1, names[0], "Nam", "05/03/1980", "Kinh", cards[0], "12/10/2005"]);
  sheet.addRow([2, names[1], "Nữ", "17/11/1990", "Tày", cards[1], "03/02/2015"]);
  // An Excel date cell, as offices type them.
  sheet.addRow([3, names[2], "Nam", new Date(Date.UTC(1975, 0, 9)), "Kinh", cards[2], "19/05/1999"]);
  // Errors: a date that does not exist, and a card number with letters.
  sheet.addRow([4, "Phạm Thị Lỗi Ngày", "Nữ", "31/02/1985", "Kinh", "", "01/01/2010"]);
  sheet.addRow([5, "Trương Văn Lỗi Thẻ", "Nam", "02/04/1982", "Kinh", "12AB", "01/06/2008"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readSheet(download: Download): Promise<string[][]> {
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(createReadStream(path));
  const sheet = workbook.worksheets.find((candidate) => candidate.state === "visible");
  expect(sheet, "a visible sheet").toBeDefined();
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      texts[column - 1] = cell.text;
    });
    rows.push(Array.from(texts, (text) => text ?? ""));
  });
  return rows;
}

async function uploadThroughWizard(page: Page, org: OrgRef, file: { name: string; buffer: Buffer }) {
  await page.goto("/members/import");
  await page.getByTestId("import-upload-step").waitFor();
  await pickOption(page, "import-org", org.name, org.name);
  await page.locator('input[type="file"]').setInputFiles({
    name: file.name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file.buffer,
  });
  await expect.poll(() => page.getByTestId("import-file-chosen").innerText()).toContain(file.name);
  await page.getByTestId("import-upload-submit").click();
  await page.getByTestId("import-mapping-step").waitFor({ timeout: 30_000 });
}

async function count(page: Page, key: string): Promise<string> {
  return (await page.getByTestId(`import-count-${key}`).locator(".ant-statistic-content").innerText()).trim();
}

async function commit(page: Page) {
  await page.getByTestId("import-commit").click();
  await page.getByTestId("import-commit-ok").click();
  await page.getByTestId("import-result").waitFor({ timeout: 30_000 });
}

describe("importing members from a workbook", () => {
  it("corrects the mapping, reports errors, commits, finds, exports and re-imports without change", async () => {
    const { page, context } = session;
    const tag = randomBytes(3).toString("hex");
    const family = pick(FAMILY);
    const middle = pick(MIDDLE);
    const names = GIVEN.slice(0, 3).map((given) => `${family} ${middle} ${given}`);
    const cards = names.map(() => `8${String(randomInt(10_000_000, 99_999_999))}`);

    // A new, empty cell for this run, so counts do not depend on the demo data.
    const api = await apiSession(context.request, "vanphong");
    const cell = await createEmptyCell(api, `Chi bộ nhập thử ${tag}`);

    await signInThroughPage(page, "vanphong");
    await uploadThroughWizard(page, cell, {
      name: `dang-vien-${tag}.xlsx`,
      buffer: await buildWorkbook(names, cards),
    });

    // The odd header is not recognised: read it as the admission date.
    const oddRow = page.locator(`[data-testid="import-mapping-row"][data-header="${ODD_HEADER}"]`);
    await expect.poll(() => oddRow.innerText()).toContain("Không nhận ra");
    await expect
      .poll(() => page.getByTestId("import-mapping-missing").innerText())
      .toContain("Ngày vào Đảng");
    await oddRow.locator(".ant-select").click();
    await page.keyboard.type("Ngày vào Đảng");
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "Ngày vào Đảng" })
      .first()
      .click();
    await expect.poll(() => page.getByTestId("import-mapping-missing").count()).toBe(0);
    await page.getByTestId("import-mapping-next").click();

    // Preview: 5 rows, 3 accepted, 2 with problems listed by row and column.
    await page.getByTestId("import-preview-step").waitFor({ timeout: 30_000 });
    await expect.poll(() => count(page, "rows")).toBe("5");
    expect(await count(page, "accepted")).toBe("3");
    expect(await count(page, "rejected")).toBe("2");
    const problems = page.getByTestId("import-problems");
    await expect.poll(() => problems.innerText()).toContain("Ngày sinh");
    expect(await problems.innerText()).toContain("Số thẻ đảng viên");

    // The error report: the file with an error column.
    const [report] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("import-report").click(),
    ]);
    const reportRows = await readSheet(report);
    const header = reportRows[0] ?? [];
    const errorColumn = header.findIndex((text) => text.includes("Lỗi"));
    expect(errorColumn, `error column in ${header.join(" | ")}`).toBeGreaterThanOrEqual(0);
    const badDateRow = reportRows.find((row) => row.includes("Phạm Thị Lỗi Ngày"));
    expect(badDateRow?.[errorColumn] ?? "").not.toBe("");

    await commit(page);
    expect(await page.getByTestId("import-result-created").innerText()).toBe("3");

    // Find an imported member by typing the name without diacritics.
    await page.getByTestId("import-result-list").click();
    await page.getByTestId("member-table").waitFor();
    const plain = names[1]?.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
    await page
      .getByTestId("member-search")
      .locator("input")
      .fill(plain?.toLowerCase() ?? "");
    await expect.poll(() => page.getByTestId("member-table").innerText()).toContain(names[1]);

    // Export the cell's members (all three): the download is the import template.
    await page.getByTestId("member-search").locator("input").fill("");
    await expect.poll(() => page.getByTestId("member-total").innerText()).toBe("Tìm thấy 3 đảng viên");
    const [exported] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("members-export").click(),
    ]);
    const exportRows = await readSheet(exported);
    expect(exportRows[0]).toContain("Họ và tên");
    for (const name of names) expect(exportRows.some((row) => row.includes(name))).toBe(true);

    // Import the export again: every row matches, nothing is created or updated.
    const exportPath = await exported.path();
    await uploadThroughWizard(page, cell, { name: `xuat-${tag}.xlsx`, buffer: await readFile(exportPath) });
    await page.getByTestId("import-mapping-next").click();
    await page.getByTestId("import-preview-step").waitFor({ timeout: 30_000 });
    await expect.poll(() => count(page, "matched")).toBe("3");
    expect(await count(page, "rejected")).toBe("0");
    expect(await count(page, "new")).toBe("0");
    await commit(page);
    expect(await page.getByTestId("import-result-created").innerText()).toBe("0");
    expect(await page.getByTestId("import-result-updated").innerText()).toBe("0");
    expect(await page.getByTestId("import-result-unchanged").innerText()).toBe("3");
  });
});
