// The cascade of a directive, end to end. The provincial office uploads its plan carrying out Kết luận
// 21-KL/TW (a .docx), confirms the proposed header and sees the references linked — the registered
// Kết luận as a link (also in the text), an unregistered Đề án as a placeholder, which it completes
// from the placeholder's page. It requires every
// commune committee of the province to issue an implementing plan by a deadline: the coverage shows all
// of them missing. A commune uploads its own plan carrying out the province's; the province's coverage
// shows that commune issued, on time, when the office comes back to it through the app's links (no
// reload). The office reminds the rest, and a commune that has not
// issued finds the reminder in its inbox and opens the plan from it. A directive addressed to the
// grassroots cells is drilled down by commune and back up, the place kept in the address.
import { randomInt } from "node:crypto";
import { createReadStream } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  COMMUNE_PLAN_08_KH_DU,
  PROVINCE_PLAN_12_KH_TU,
  type SampleDocument,
  sampleDocumentDocx,
} from "../apps/api/test/document-fixtures.ts";
import { type BrowserSession, openPage } from "./browser.ts";
import {
  confirmHeader,
  createFromWizard,
  type DocumentFile,
  documentTypeId,
  foundReferences,
  openDocument,
  proposedHeader,
  uploadThroughWizard,
} from "./document-steps.ts";
import {
  apiSession,
  formatVi,
  isoDate,
  signedInElsewhere,
  signInThroughPage,
  todayInVietnam,
} from "./journey-steps.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const COMMUNE_TYPE = "Đảng ủy xã / phường / đặc khu";

let session: BrowserSession;
const others: Browser[] = [];
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
  for (const browser of others.splice(0)) await browser.close();
});

/** A sample document with some of its lines rewritten (numbers no demo document holds). */
function rewrite(document: SampleDocument, replace: (line: string) => string): SampleDocument {
  return {
    headerLeft: document.headerLeft.map(replace),
    headerRight: document.headerRight.map(replace),
    title: document.title.map(replace),
    body: document.body.map(replace),
    footerLeft: document.footerLeft.map(replace),
    footerRight: document.footerRight.map(replace),
  };
}

function docxFile(name: string, document: SampleDocument): DocumentFile {
  return { name, mimeType: DOCX, buffer: sampleDocumentDocx(document) };
}

async function coverageTotal(page: Page, key: string): Promise<string> {
  return page.getByTestId(`coverage-total-${key}`).locator(".ant-statistic-content").innerText();
}

function targetRow(page: Page, name: string) {
  return page.getByTestId("coverage-target").filter({ has: page.getByText(name, { exact: true }) });
}

describe("the cascade of a directive", () => {
  it("follows a province's plan down to the communes: coverage, a commune's plan arriving, reminders", async () => {
    const { page, baseUrl } = session;
    // Numbers above the demo's and below those other journeys take (600–990), so no number is taken.
    const planNumber = randomInt(100, 600);
    const communeNumber = randomInt(100, 600);
    const projectNumber = randomInt(100, 600);
    const provincePlan = rewrite(PROVINCE_PLAN_12_KH_TU, (line) =>
      line
        .replace("Số 12-KH/TU", `Số ${planNumber}-KH/TU`)
        // A document the register does not hold: it becomes a placeholder.
        .replace("Đề án số 02-ĐA/TU", `Đề án số ${projectNumber}-ĐA/TU`),
    );
    const communePlan = rewrite(COMMUNE_PLAN_08_KH_DU, (line) =>
      line
        .replace("ĐẢNG ỦY XÃ TIÊN DU", "ĐẢNG ỦY XÃ TÂN HƯNG")
        .replace("Tiên Du, ngày", "Tân Hưng, ngày")
        .replace("Số 08-KH/ĐU", `Số ${communeNumber}-KH/ĐU`)
        .replaceAll("Kế hoạch số 12-KH/TU", `Kế hoạch số ${planNumber}-KH/TU`),
    );

    // The provincial office uploads its plan and confirms the header it proposes.
    await signInThroughPage(page, "vanphong");
    await uploadThroughWizard(page, docxFile(`ke-hoach-${planNumber}-KH-TU.docx`, provincePlan));
    const header = await proposedHeader(page);
    expect(header.number).toBe(String(planNumber));
    expect(header.subject).toContain("Kết luận số 21-KL/TW");
    expect(header.signer).toBe("Nguyễn Văn Hùng");
    await confirmHeader(page);
    const references = await foundReferences(page);
    const conclusion = references.find((reference) => reference.text.includes("21-KL/TW"));
    expect(conclusion?.matched, "21-KL/TW is in the register").toContain("Kết luận số 21-KL/TW");
    const project = references.find((reference) => reference.text.includes(`${projectNumber}-ĐA/TU`));
    expect(project?.matched, "an unregistered Đề án").toContain("sẽ tạo văn bản chờ bổ sung");
    const planId = await createFromWizard(page);
    expect(await page.getByTestId("document-title").innerText()).toContain(`Kế hoạch số ${planNumber}-KH/TU`);

    // Its relations: the Kết luận it carries out, linked; the Đề án as a placeholder to complete.
    await openDocument(page, planId, "relations");
    const outgoing = page.getByTestId("relations-outgoing");
    await expect
      .poll(() => outgoing.getByTestId("relation-link").allInnerTexts())
      .toContain("Kết luận số 21-KL/TW");
    const placeholder = outgoing
      .getByTestId("relation-outgoing")
      .filter({ hasText: `${projectNumber}-ĐA/TU` });
    await expect.poll(() => placeholder.getByTestId("document-placeholder-tag").count()).toBe(1);

    // In the text, the Kết luận's number is a link to it.
    await openDocument(page, planId, "text");
    const textLink = page.getByTestId("text-reference-link").filter({ hasText: "21-KL/TW" }).first();
    await expect.poll(() => textLink.getAttribute("href")).toMatch(/^\/documents\/\d+$/);

    // The placeholder is completed from its own page: it becomes a full entry.
    await openDocument(page, planId, "relations");
    await placeholder.getByTestId("relation-link").click();
    await page.getByTestId("document-placeholder-notice").waitFor();
    await page.getByTestId("document-edit").click();
    await page.getByTestId("document-edit-placeholder-note").waitFor();
    const projectSubject = `Đề án nâng cao chất lượng tổ chức cơ sở đảng ${projectNumber}`;
    await page.getByTestId("document-form-subject").fill(projectSubject);
    await page.getByTestId("document-form-date").click();
    await page.keyboard.type("05/01/2026");
    await page.keyboard.press("Enter");
    await page.getByTestId("document-edit-save").click();
    await expect.poll(() => page.getByTestId("document-page-subject").innerText()).toBe(projectSubject);
    await expect.poll(() => page.getByTestId("document-placeholder-notice").count()).toBe(0);

    // Every commune committee of the province must issue its implementing plan by a deadline.
    const deadline = formatVi(isoDate(new Date(todayInVietnam().getTime() + 30 * 86_400_000)));
    await openDocument(page, planId, "cascades");
    await page.getByTestId("cascade-create").click();
    const typesField = page.getByTestId("cascade-types");
    await typesField.click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: COMMUNE_TYPE })
      .first()
      .click();
    await page.keyboard.press("Escape");
    // Before creating it, the dialog says how many committees it will address.
    const preview = page.getByTestId("cascade-preview");
    await expect
      .poll(() => preview.innerText())
      .toMatch(new RegExp(`^Sẽ yêu cầu [\\d.]+ đơn vị: ${COMMUNE_TYPE} trong Tỉnh ủy Bắc Ninh\\.$`));
    const previewed = Number(
      /yêu cầu ([\d.]+) đơn vị/.exec(await preview.innerText())?.[1]?.replace(/\./g, ""),
    );
    await page.getByTestId("cascade-deadline").click();
    await page.keyboard.type(deadline);
    await page.keyboard.press("Enter");
    await page.getByTestId("cascade-dialog-ok").click();
    await typesField.waitFor({ state: "hidden" });
    const card = page.getByTestId("cascade-card");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId("cascade-deadline-text").innerText()).toBe(deadline);
    expect(await card.getByTestId("cascade-who").innerText()).toContain("Tỉnh ủy Bắc Ninh");

    // The coverage: every commune missing, none overdue yet.
    await card.getByTestId("cascade-coverage-link").click();
    await page.waitForURL(new RegExp(`/documents/${planId}/coverage/\\d+`));
    const coverageUrl = new URL(page.url()).pathname;
    await expect.poll(() => coverageTotal(page, "targets")).not.toBe("0");
    const targets = Number((await coverageTotal(page, "targets")).replace(/\./g, ""));
    expect(targets, "the province's commune committees").toBeGreaterThan(2);
    expect(targets, "as the dialog said").toBe(previewed);
    expect(await coverageTotal(page, "missing")).toBe(await coverageTotal(page, "targets"));
    expect(await coverageTotal(page, "onTime")).toBe("0");
    expect(await coverageTotal(page, "overdue")).toBe("0");

    // The commune's office uploads its plan carrying out the province's.
    const commune = await signedInElsewhere(baseUrl, "tanhung", others);
    await uploadThroughWizard(commune, docxFile(`ke-hoach-${communeNumber}-KH-DU.docx`, communePlan));
    expect((await proposedHeader(commune)).number).toBe(String(communeNumber));
    await confirmHeader(commune);
    const communeReferences = await foundReferences(commune);
    const provinceReference = communeReferences.find((reference) =>
      reference.text.includes(`${planNumber}-KH/TU`),
    );
    expect(provinceReference?.matched, "the province's plan, addressed to the commune").toContain(
      `Kế hoạch số ${planNumber}-KH/TU`,
    );
    const communePlanId = await createFromWizard(commune);

    // The province's coverage changes at once: Tân Hưng issued, on time, its plan linked. The office
    // goes to the plan and back to its coverage through the app's links, without reloading the page.
    await page.getByTestId("coverage-document-link").click();
    await page.getByTestId("cascade-coverage-link").click();
    await page.waitForURL(new RegExp(`/documents/${planId}/coverage/\\d+`));
    await expect.poll(() => coverageTotal(page, "onTime")).toBe("1");
    expect(await page.getByTestId("coverage-updated-at").innerText()).toMatch(/^Cập nhật lúc \d\d:\d\d$/);
    expect(Number((await coverageTotal(page, "missing")).replace(/\./g, ""))).toBe(targets - 1);
    await page.getByTestId("coverage-status-filter").getByText("Đã ban hành đúng hạn").click();
    await page.waitForURL((url) => url.searchParams.get("status") === "on_time");
    const tanHung = targetRow(page, "Đảng ủy xã Tân Hưng");
    await expect.poll(() => page.getByTestId("coverage-target").count()).toBe(1);
    await expect.poll(() => tanHung.getByTestId("target-status").innerText()).toBe("Đã ban hành đúng hạn");
    expect(await tanHung.getByTestId("target-document").innerText()).toBe(`Số ${communeNumber}-KH/ĐU`);
    expect(await tanHung.getByTestId("target-issued-on").innerText()).toBe("02/03/2026");
    expect(await tanHung.getByTestId("target-timeliness").innerText()).toBe("Đúng hạn");
    expect(await tanHung.getByTestId("target-document").getAttribute("href")).toBe(
      `/documents/${communePlanId}`,
    );

    // The table as filtered, exported: the one commune that issued, with its plan.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("coverage-export").click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(createReadStream(await download.path()));
    const sheet = workbook.getWorksheet("Cụ thể hóa");
    expect(sheet, "the coverage sheet").toBeDefined();
    expect(sheet?.rowCount).toBe(2);
    const exported = sheet?.getRow(2);
    expect([1, 3, 4, 6].map((column) => exported?.getCell(column).text)).toEqual([
      "Đảng ủy xã Tân Hưng",
      "Đúng hạn",
      `${communeNumber}-KH/ĐU`,
      "02/03/2026",
    ]);

    // The office reminds every commune that has not issued.
    await page.getByTestId("coverage-status-filter").getByText("Chưa ban hành").click();
    await page.waitForURL((url) => url.searchParams.get("status") === "missing");
    await expect.poll(() => page.getByTestId("target-status").first().innerText()).toBe("Chưa ban hành");
    await page.getByTestId("coverage-remind").click();
    await expect
      .poll(() => page.getByTestId("remind-confirm-text").innerText())
      .toContain(`${targets - 1} đơn vị`);
    await page.getByTestId("remind-confirm-ok").click();
    await expect
      .poll(() => page.getByTestId("remind-result").innerText())
      .toBe(`Đã gửi ${targets - 1} nhắc nhở; 0 đơn vị đã được nhắc hôm nay nên không gửi lại.`);
    await page.getByTestId("remind-result-ok").click();
    // The table shows when each was reminded.
    await expect.poll(() => page.getByTestId("target-reminded").first().innerText()).not.toBe("—");

    // A commune that has not issued finds the reminder in its inbox, and opens the plan from it.
    const missing = await signedInElsewhere(baseUrl, "phuong.kinhbac", others);
    await expect
      .poll(() => missing.getByTestId("notification-bell").getAttribute("aria-label"))
      .toMatch(/^Thông báo: [1-9]\d* chưa đọc$/);
    await missing.getByTestId("notification-bell").click();
    await missing.waitForURL(/\/notifications/);
    const reminder = missing
      .getByTestId("notification-item")
      .filter({ hasText: `Kế hoạch số ${planNumber}-KH/TU` });
    await expect.poll(() => reminder.getAttribute("data-unread")).toBe("true");
    expect(await reminder.getByTestId("notification-body").innerText()).toContain(
      `Hạn ban hành: ${deadline}`,
    );
    await reminder.getByTestId("notification-title").click();
    await missing.waitForURL(new RegExp(`/documents/${planId}(\\?|$)`));
    expect(await missing.getByTestId("document-title").innerText()).toContain(
      `Kế hoạch số ${planNumber}-KH/TU`,
    );
    await missing.goto("/notifications");
    await expect.poll(() => reminder.getAttribute("data-unread")).toBe("false");

    // On a phone the province's coverage is a list of cards, without sideways scrolling.
    await page.goto(`${coverageUrl}?status=on_time`);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId("coverage-target-cards").waitFor();
    await expect.poll(() => targetRow(page, "Đảng ủy xã Tân Hưng").count()).toBe(1);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "no sideways scrolling of the page").toBeLessThanOrEqual(360);
  }, 240_000);

  it("drills the coverage down the tree and back up, with the place in the address", async () => {
    const { page, context } = session;
    const api = await apiSession(context.request, "vanphong");
    const me = await api.get<{ roles: { orgId: number; orgName: string }[] }>("/api/auth/me");
    const province = me.roles[0];
    expect(province?.orgName).toBe("Tỉnh ủy Bắc Ninh");
    // A directive every grassroots cell of the province must make concrete: they sit under communes.
    const directive = await api.post<{ id: number }>("/api/documents", {
      ownerOrgId: province?.orgId,
      issuingOrgId: province?.orgId,
      typeId: await documentTypeId(api, "CT"),
      issuerCodes: ["TU"],
      issuedOn: isoDate(todayInVietnam()),
      subject: "Về nâng cao chất lượng sinh hoạt chi bộ",
    });
    const cascade = await api.post<{ id: number; totals: { targets: number } }>(
      `/api/documents/${directive.id}/cascades`,
      {
        deadline: isoDate(new Date(todayInVietnam().getTime() + 60 * 86_400_000)),
        selection: { kind: "types", rootOrgId: province?.orgId, typeCodes: ["chi_bo_co_so"] },
      },
    );
    expect(cascade.totals.targets).toBeGreaterThan(1);

    await signInThroughPage(page, "vanphong");
    await page.goto(`/documents/${directive.id}/coverage/${cascade.id}`);
    await expect.poll(() => page.getByTestId("coverage-path-current").innerText()).toBe("Tỉnh ủy Bắc Ninh");
    expect(Number((await coverageTotal(page, "targets")).replace(/\./g, ""))).toBe(cascade.totals.targets);
    // One group per commune holding cells; open the first that has cells below it.
    const group = page
      .getByTestId("coverage-group")
      .filter({ has: page.getByTestId("coverage-group-open") })
      .first();
    const communeName = await group.getByTestId("coverage-group-name").innerText();
    const groupTargets = await group.getByTestId("count-missing").innerText();
    await group.getByTestId("coverage-group-name").click();
    await page.waitForURL((url) => url.searchParams.has("orgId"));
    await expect.poll(() => page.getByTestId("coverage-path-current").innerText()).toBe(communeName);
    expect(await page.getByTestId("coverage-path-step").allInnerTexts()).toEqual(["Tỉnh ủy Bắc Ninh"]);
    expect(`Chưa ban hành: ${await coverageTotal(page, "missing")}`).toBe(groupTargets);
    // The commune's cells are listed.
    await expect.poll(() => page.getByTestId("coverage-target").count()).toBeGreaterThan(0);

    // The address keeps the place: a reload shows the commune; back goes up to the province.
    await page.reload();
    await expect.poll(() => page.getByTestId("coverage-path-current").innerText()).toBe(communeName);
    await page.goBack();
    await expect.poll(() => page.getByTestId("coverage-path-current").innerText()).toBe("Tỉnh ủy Bắc Ninh");
    await page.goForward();
    await expect.poll(() => page.getByTestId("coverage-path-current").innerText()).toBe(communeName);
    // And the breadcrumb goes back up.
    await page.getByTestId("coverage-path-step").click();
    await expect.poll(() => page.getByTestId("coverage-path-current").innerText()).toBe("Tỉnh ủy Bắc Ninh");
  });
});
