// `npm run screenshots`: regenerates docs/screenshots/ from the demo in Debian's Chromium. Uses the app
// at NAMRO_URL when given (signed in with the demo accounts), else starts a fresh embedded demo.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../apps/api/src/seed/demo-seed.ts";
import { launchBrowser } from "../e2e/browser.ts";
import { type AppProcess, startAppProcess } from "./app-process.ts";
import { ensureWebBuilt } from "./build-web.ts";

if (!existsSync("/usr/bin/chromium")) {
  console.error(
    "Chromium is missing at /usr/bin/chromium. Install it: apt-get install -y chromium fonts-noto-core.",
  );
  process.exit(1);
}

const outDir = join(import.meta.dirname, "../docs/screenshots");
mkdirSync(outDir, { recursive: true });

let app: AppProcess | null = null;
let baseUrl = process.env.NAMRO_URL ?? "";
if (!baseUrl) {
  await ensureWebBuilt();
  console.log("Đang chạy bản dùng thử tạm thời… (starting a temporary demo)");
  app = await startAppProcess("pglite");
  baseUrl = app.baseUrl;
}

async function signIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`  docs/screenshots/${name}.png`);
}

const browser = await launchBrowser();
try {
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
  const page = await desktop.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-card").waitFor();
  await shot(page, "login");

  await signIn(page, "admin");
  // The first screen of those who follow tasks: the dashboard.
  await page.getByTestId("chart-status").locator("canvas").waitFor();
  await page.getByTestId("dashboard-overdue").waitFor();
  await shot(page, "task-dashboard");
  await page.goto(`${baseUrl}/organisations`);
  await page.getByTestId("org-tree").waitFor();
  await page.getByTestId("org-search").locator("input").fill("dang uy xa tan");
  await page.getByTestId("org-search-results").waitFor();
  await shot(page, "organisations");

  await page.getByTestId("org-search").locator("input").fill("dang uy xa tan hung");
  await page
    .getByTestId("org-search-result")
    .filter({ hasText: "Đảng ủy xã Tân Hưng" })
    .first()
    .locator("a")
    .first()
    .click();
  await page.getByTestId("org-history").waitFor();
  await page.getByTestId("org-lineage").first().waitFor();
  await shot(page, "organisation-history");

  await page.getByTestId("action-merge").click();
  await page.getByTestId("dialog-merge").waitFor();
  await shot(page, "merge-dialog");
  await page.keyboard.press("Escape");

  await page.goto(`${baseUrl}/accounts`);
  await page.getByTestId("account-table").waitFor();
  await shot(page, "accounts");

  await page.goto(`${baseUrl}/audit`);
  await page.getByTestId("audit-table").waitFor();
  await shot(page, "audit");

  await page.goto(`${baseUrl}/members?q=nguyen%20thi`);
  await page.getByTestId("member-table").locator("tbody tr a").first().waitFor();
  await shot(page, "members");
  await page.getByTestId("member-table").locator("tbody tr a").first().click();
  await page.getByTestId("member-personal").waitFor();
  await shot(page, "member-record");

  await page.goto(`${baseUrl}/member-statistics`);
  await page.getByTestId("member-statistics-page").locator("canvas").first().waitFor();
  await shot(page, "member-statistics");

  await page.goto(`${baseUrl}/documents?q=ket%20luan%2021`);
  await page.getByTestId("document-link").first().waitFor();
  await shot(page, "documents");
  // The province's plan for 21-KL/TW and its first implementation requirement, found through the API.
  const { planId, cascadeId } = await page.evaluate(async () => {
    type Page = { items: { id: number }[] };
    const list = (await (await fetch("/api/documents?q=12-KH%2FTU&pageSize=1")).json()) as Page;
    const id = list.items[0]?.id;
    const cascades = (await (await fetch(`/api/documents/${id}/cascades`)).json()) as Page;
    return { planId: id, cascadeId: cascades.items[0]?.id };
  });
  await page.goto(`${baseUrl}/documents/${planId}`);
  await page.getByTestId("document-header").waitFor();
  await shot(page, "document");
  await page.goto(`${baseUrl}/documents/${planId}/coverage/${cascadeId}`);
  await page.getByTestId("coverage-page").locator("canvas").first().waitFor();
  await shot(page, "document-coverage");

  // Tasks: the province's list, and a task the province gave to subordinate units (from the demo's plans).
  await page.goto(`${baseUrl}/tasks`);
  await page.getByTestId("task-link").first().waitFor();
  await shot(page, "tasks");
  const taskId = await page.evaluate(async () => {
    type List = { items: { id: number; hasChildren: boolean }[] };
    const list = (await (await fetch("/api/tasks?pageSize=50")).json()) as List;
    return (list.items.find((task) => task.hasChildren) ?? list.items[0])?.id;
  });
  await page.goto(`${baseUrl}/tasks/${taskId}`);
  await page.getByTestId("task-clears").waitFor();
  await shot(page, "task");
  // The roll-up drilled into the demo commune (its cells, figures with how each was computed).
  const communeId = await page.evaluate(async () => {
    type Rollup = { groups: { orgId: number; orgName: string }[] };
    const rollup = (await (await fetch("/api/task-rollup")).json()) as Rollup;
    return rollup.groups.find((group) => group.orgName.includes("Tân Hưng"))?.orgId;
  });
  await page.goto(`${baseUrl}/task-rollup?orgId=${communeId}`);
  await page.getByTestId("rollup-groups").waitFor();
  await shot(page, "task-rollup");
  await desktop.close();

  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: "vi-VN",
    isMobile: true,
  });
  const phonePage = await phone.newPage();
  await signIn(phonePage, "tanhung");
  await phonePage.getByTestId("chart-status").locator("canvas").waitFor();
  await shot(phonePage, "phone-task-dashboard");
  await phonePage.goto(`${baseUrl}/organisations`);
  await phonePage.getByTestId("org-tree").waitFor();
  await shot(phonePage, "phone-organisations");
  await phonePage.goto(`${baseUrl}/members`);
  await phonePage.getByTestId("member-table").locator("tbody tr a").first().waitFor();
  await shot(phonePage, "phone-members");
  await phonePage.goto(`${baseUrl}/tasks`);
  await phonePage.getByTestId("task-row").first().waitFor();
  await shot(phonePage, "phone-tasks");
  await phone.close();
} finally {
  await browser.close();
  await app?.stop();
}
