// A provincial office looks at the statistics of one cell: the totals, the secretary who also chairs
// the People's Council among the concurrent posts, the statistics workbook; and the charts fit a phone.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { apiSession, pickOption, signInThroughPage } from "./journey-steps.ts";
import { createEmptyCell } from "./member-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

interface Detail {
  id: number;
  version: number;
}

describe("member statistics", () => {
  it("counts a cell's members and concurrent posts, exports them, and fits a phone", async () => {
    const { page, context } = session;
    const tag = randomBytes(3).toString("hex");
    const api = await apiSession(context.request, "vanphong");
    const cell = await createEmptyCell(api, `Chi bộ thống kê thử ${tag}`);
    await api.post<Detail>("/api/members", {
      fullName: "Quách Thị Thống Kê",
      sex: "female",
      birthDate: "1995-03-02",
      admittedOn: "2019-05-19",
      ethnicity: "Tày",
      orgId: cell.id,
    });
    const secretary = await api.post<Detail>("/api/members", {
      fullName: "Mạc Văn Kiêm Nhiệm",
      sex: "male",
      birthDate: "1970-01-01",
      admittedOn: "2000-02-03",
      orgId: cell.id,
    });
    const withPost = await api.post<Detail>(`/api/members/${secretary.id}/posts`, {
      postType: "bi_thu",
      startedOn: "2021-01-01",
      version: secretary.version,
    });
    await api.post<Detail>(`/api/members/${secretary.id}/posts`, {
      postType: "chu_tich_hdnd",
      startedOn: "2021-06-01",
      version: withPost.version,
    });

    await signInThroughPage(page, "vanphong");
    await page.goto("/member-statistics");
    await page.getByTestId("member-statistics-page").waitFor();
    await pickOption(page, "member-statistics-org", cell.name, cell.name);
    await expect.poll(() => page.getByTestId("member-statistics-caption").innerText()).toContain(cell.name);
    const total = (key: string) =>
      page.getByTestId(`member-statistics-total-${key}`).locator(".ant-statistic-content").innerText();
    await expect.poll(() => total("members")).toBe("2");
    // An admission makes a probationary member.
    expect(await total("probationary")).toBe("2");
    expect(await total("female")).toBe("50 %");
    const combo = page
      .getByTestId("member-statistics-posts")
      .locator("tr", { hasText: "Bí thư cấp ủy kiêm Chủ tịch HĐND" });
    await expect.poll(() => combo.innerText()).toMatch(/\t1$/);
    expect(await page.getByTestId("member-statistics-ethnicity").innerText()).toContain("Tày");

    // The choice is in the address: a reload shows the same cell.
    expect(new URL(page.url()).searchParams.get("orgId")).toBe(String(cell.id));
    await page.reload();
    await expect.poll(() => page.getByTestId("member-statistics-caption").innerText()).toContain(cell.name);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("member-statistics-export").click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(createReadStream(await download.path()));
    const sheet = workbook.getWorksheet("Thống kê");
    expect(sheet, "the statistics sheet").toBeDefined();
    const values = new Map<string, string>();
    sheet?.eachRow((row) => {
      const label = row.getCell(1).text;
      if (!values.has(label)) values.set(label, row.getCell(2).text);
    });
    expect(values.get("Phạm vi")).toBe(cell.name);
    expect(values.get("Tổng số đảng viên")).toBe("2");
    expect(values.get("Bí thư cấp ủy kiêm Chủ tịch HĐND")).toBe("1");

    // On a 360 px phone the charts follow their cards' width.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect
      .poll(
        async () =>
          (await page.getByTestId("member-statistics-status").locator("canvas").boundingBox())?.width,
      )
      .toBeLessThanOrEqual(360);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "no sideways scrolling of the page").toBeLessThanOrEqual(360);
  });
});
