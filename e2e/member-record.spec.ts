// A member's record in the browser: two people edit it at once and the second is told, keeping what
// they typed and the other person's change to a field they left alone; a membership event; a transfer to another cell that the receiving side confirms.
import { randomBytes } from "node:crypto";
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
  [key: string]: unknown;
}

/** The editable part of a record, as the API returns it, for another person's edit. */
function personalData(detail: Detail) {
  const keys = [
    "fullName",
    "otherNames",
    "sex",
    "birthDate",
    "birthPlace",
    "homeTown",
    "ethnicity",
    "religion",
    "citizenId",
    "cardNumber",
    "admittedOn",
    "fullMemberOn",
    "educationGeneral",
    "educationProfessional",
    "theoryLevel",
    "occupation",
    "awards",
    "discipline",
  ];
  return Object.fromEntries(keys.filter((key) => detail[key] !== null).map((key) => [key, detail[key]]));
}

describe("a member's record", () => {
  it("tells the second editor about the first one's change, records an event and a confirmed transfer", async () => {
    const { page, context } = session;
    const tag = randomBytes(3).toString("hex");
    const api = await apiSession(context.request, "vanphong");
    const from = await createEmptyCell(api, `Chi bộ hồ sơ thử ${tag}`);
    const to = await createEmptyCell(api, `Chi bộ nhận thử ${tag}`);
    const member = await api.post<Detail>("/api/members", {
      fullName: "Lã Thị Thử Hồ Sơ",
      sex: "female",
      birthDate: "1988-04-12",
      admittedOn: "2012-05-19",
      ethnicity: "Kinh",
      occupation: "Giáo viên",
      orgId: from.id,
    });

    await signInThroughPage(page, "vanphong");
    await page.goto(`/members/${member.id}`);
    await expect.poll(() => page.getByTestId("member-title").innerText()).toContain("Lã Thị Thử Hồ Sơ");

    // Two edits at once: ours is typed while someone else saves theirs.
    await page.getByTestId("member-edit").click();
    await page.getByTestId("member-edit-drawer").waitFor();
    await page.locator("#occupation").fill("Kỹ sư xây dựng");
    // The other person works in their own browser.
    const elsewhere = await session.browser.newContext({ baseURL: session.baseUrl });
    const other = await apiSession(elsewhere.request, "admin");
    await other.put(`/api/members/${member.id}`, {
      ...personalData(member),
      occupation: "Bác sĩ",
      homeTown: "Xã Tiên Du, tỉnh Bắc Ninh",
      version: member.version,
    });
    await elsewhere.close();
    await page.getByTestId("member-edit-save").click();
    const conflict = page.getByTestId("member-edit-conflict");
    await expect.poll(() => conflict.innerText()).toContain("Bác sĩ");
    expect(await conflict.innerText()).toContain("Kỹ sư xây dựng");
    expect(await page.locator("#occupation").inputValue()).toBe("Kỹ sư xây dựng");
    // Only the other person changed the home town: the form takes their value and does not ask.
    expect(await conflict.innerText()).not.toContain("Xã Tiên Du");
    expect(await page.locator("#homeTown").inputValue()).toBe("Xã Tiên Du, tỉnh Bắc Ninh");
    // Keep ours, saved over the new version; their home town stays.
    await page.getByTestId("member-edit-save").click();
    await page.getByTestId("member-edit-drawer").waitFor({ state: "hidden" });
    await expect.poll(() => page.getByTestId("member-personal").innerText()).toContain("Kỹ sư xây dựng");
    expect(await page.getByTestId("member-personal").innerText()).toContain("Xã Tiên Du, tỉnh Bắc Ninh");

    // A membership event.
    await page.getByTestId("member-event-menu").click();
    await page.getByRole("menuitem", { name: "Sinh hoạt tạm thời" }).click();
    await page.getByTestId("member-event-destination").fill("Chi bộ nơi cư trú, phường Kinh Bắc");
    await page.getByTestId("member-event-submit").click();
    await page.getByTestId("dialog-member-event").waitFor({ state: "hidden" });
    await expect.poll(() => page.getByTestId("member-events").innerText()).toContain("Chi bộ nơi cư trú");

    // A transfer to another cell: sent here, confirmed by the receiving side in the inbox.
    await page.getByTestId("member-event-menu").click();
    await page.getByRole("menuitem", { name: "Chuyển sinh hoạt sang chi bộ khác" }).click();
    await pickOption(page, "member-event-to-cell", to.name, to.name);
    await page.getByTestId("member-event-submit").click();
    await page.getByTestId("dialog-member-event").waitFor({ state: "hidden" });
    await page.getByTestId("member-pending-transfer").waitFor();

    await page.goto("/member-transfers");
    const incoming = page.getByTestId("transfer-incoming").filter({ hasText: "Lã Thị Thử Hồ Sơ" });
    await incoming.waitFor();
    expect(await incoming.innerText()).toContain(from.name);
    await incoming.getByTestId("transfer-confirm").click();
    await page.getByTestId("transfer-decision-submit").click();
    await incoming.waitFor({ state: "detached" });

    await page.goto(`/members/${member.id}`);
    await expect.poll(() => page.getByTestId("member-cell").innerText()).toContain(to.name);
    expect(await page.getByTestId("member-cell-history").innerText()).toContain(from.name);
  });
});
