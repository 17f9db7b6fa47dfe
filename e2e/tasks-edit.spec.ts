// Editing tasks when others edit too, and a committee's own clears. Two people change one task at
// once: the second to save keeps the fields only the first changed, and chooses for the field both
// changed; the task is paused with a reason and resumed. An organisation adds a clear of its own: its
// tasks' form grades six clears, and back to five when the organisation drops its own set.
import { randomInt } from "node:crypto";
import type { APIRequestContext } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserSession, openPage } from "./browser.ts";
import { DEMO_PASSWORD, isoDate, signInThroughPage, todayInVietnam } from "./journey-steps.ts";

let session: BrowserSession;
beforeEach(async () => {
  session = await openPage();
});
afterEach(async () => {
  await session.close();
});

/** A request context signed in as `username`, with its CSRF token. */
async function apiAs(session: BrowserSession, username: string) {
  const context = await session.browser.newContext({ baseURL: session.baseUrl });
  const signIn = await context.request.post("/api/auth/sign-in", {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return { request: context.request, headers: { "x-csrf-token": csrfToken } };
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

describe("editing tasks", () => {
  it("merges two people's edits of a task, asking only about the field both changed", async () => {
    const { page } = session;
    const office = await apiAs(session, "vanphong");
    const title = `Rà soát chi bộ yếu kém, đợt ${randomInt(10_000, 100_000)}`;
    const due = isoDate(new Date(todayInVietnam().getTime() + 45 * 86_400_000));
    const task = await json<{ id: number }>(
      await office.request.post("/api/tasks", {
        headers: office.headers,
        data: { ownerOrgId: 1, leadOrgId: 1, title, dueDate: due, targetValue: 10, targetUnit: "chi bộ" },
      }),
    );

    await signInThroughPage(page, "vanphong");
    await page.goto(`/tasks/${task.id}`);
    await page.getByTestId("task-edit").click();
    await page.getByTestId("task-title-input").fill(`${title} (văn phòng)`);
    await page.getByTestId("task-deliverable").fill("Báo cáo kết quả rà soát");

    // Meanwhile the administrator changes the title and the unit.
    const admin = await apiAs(session, "admin");
    const current = await json<{ version: number }>(await admin.request.get(`/api/tasks/${task.id}`));
    await json(
      await admin.request.patch(`/api/tasks/${task.id}`, {
        headers: admin.headers,
        data: { version: current.version, title: `${title} (quản trị)`, targetUnit: "tổ chức đảng" },
      }),
    );

    await page.getByTestId("task-edit-save").click();
    const conflict = page.getByTestId("task-edit-conflict");
    await conflict.waitFor();
    const rows = conflict.locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(1);
    const cells = await rows.first().locator("td").allInnerTexts();
    expect(cells).toEqual(["Tên nhiệm vụ", `${title} (quản trị)`, `${title} (văn phòng)`]);
    // Only they changed the unit: the form has theirs now.
    expect(await page.getByTestId("task-target-unit").inputValue()).toBe("tổ chức đảng");

    await page.getByTestId("task-edit-save").click();
    await page.getByTestId("task-edit-conflict").waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("task-title").innerText()).toBe(`${title} (văn phòng)`);
    expect(await page.getByTestId("task-target-text").innerText()).toBe("10 tổ chức đảng");
    const saved = await json<{ deliverable: string; title: string }>(
      await office.request.get(`/api/tasks/${task.id}`),
    );
    expect(saved).toMatchObject({ title: `${title} (văn phòng)`, deliverable: "Báo cáo kết quả rà soát" });

    // Paused only with a reason, after saying what pausing means; resumed in one step.
    await page.getByTestId("task-pause").click();
    await page.getByTestId("task-state-ok").click();
    await expect.poll(() => page.getByText("Hãy ghi lý do.").count()).toBe(1);
    const reason = "Chờ hướng dẫn của Ban Tổ chức Trung ương.";
    await page.getByTestId("task-state-reason").fill(reason);
    await page.getByTestId("task-state-ok").click();
    await expect
      .poll(() => page.getByTestId("task-marks").getByTestId("task-status").getAttribute("data-status"))
      .toBe("paused");
    expect(await page.getByTestId("task-state-notice").innerText()).toBe(
      `Nhiệm vụ đang tạm dừng. Lý do: ${reason}`,
    );
    await page.getByTestId("task-resume").click();
    await page.getByTestId("task-state-ok").click();
    await expect
      .poll(() => page.getByTestId("task-marks").getByTestId("task-status").getAttribute("data-status"))
      .toBe("not_started");
    expect(await page.getByTestId("task-state-notice").count()).toBe(0);
  });

  it("grades an organisation's tasks against its own clears, and the default five again without them", async () => {
    const { page } = session;
    await signInThroughPage(page, "vanphong");
    const orgId = await page.evaluate(async () => {
      const response = await fetch("/api/organisations/search?q=dang%20uy%20phuong%20vu%20ninh&limit=5");
      const found = (await response.json()) as { items: { id: number; name: string }[] };
      return found.items.find((org) => org.name === "Đảng ủy phường Vũ Ninh")?.id;
    });
    expect(orgId, "Đảng ủy phường Vũ Ninh").toBeDefined();

    await page.goto(`/organisations/${orgId}`);
    const card = page.getByTestId("clear-set");
    await expect.poll(() => card.innerText()).toContain("Đang dùng bộ mặc định (5 rõ).");
    await page.getByTestId("clear-set-edit").click();
    await page.getByTestId("clear-set-add").click();
    await page.getByTestId("clear-set-label-vi").last().fill("Rõ hiệu quả");
    await page.getByTestId("clear-set-label-en").last().fill("Clear effect");
    await page.getByTestId("clear-set-save").click();
    await expect.poll(() => card.innerText()).toContain("Bộ tiêu chí riêng của tổ chức này.");
    expect(await page.getByTestId("clear-set-list").locator("li").count()).toBe(6);

    // A task it assigns is graded against six clears, the new one among them.
    await page.goto(`/tasks/new?ownerOrgId=${orgId}`);
    const clears = page.getByTestId("task-clears-panel").getByTestId("task-clear");
    await expect.poll(() => clears.count()).toBe(6);
    expect(await clears.last().innerText()).toContain("Rõ hiệu quả");

    // Dropping its own set brings back the default five.
    await page.goto(`/organisations/${orgId}`);
    await page.getByTestId("clear-set-edit").click();
    await page.getByTestId("clear-set-inherit").click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await expect.poll(() => card.innerText()).toContain("Đang dùng bộ mặc định (5 rõ).");
    await page.goto(`/tasks/new?ownerOrgId=${orgId}`);
    await expect.poll(() => clears.count()).toBe(5);
  });
});
