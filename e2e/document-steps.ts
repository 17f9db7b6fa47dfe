// Steps shared by the directive register journeys: registering a document through the upload wizard
// (send a file, confirm the proposed header, keep the references), opening a document on a tab, and
// registering one through the API when the journey is about something else.
import type { APIRequestContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { apiSession } from "./journey-steps.ts";

type Api = Awaited<ReturnType<typeof apiSession>>;

export interface DocumentFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Opens the wizard, sends the file and waits until the proposed header is shown. */
export async function uploadThroughWizard(page: Page, file: DocumentFile): Promise<void> {
  await page.goto("/documents/new");
  await page.getByTestId("document-upload-step").waitFor();
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect.poll(() => page.getByTestId("document-upload-chosen").innerText()).toContain(file.name);
  await page.getByTestId("document-upload-submit").click();
  await page.getByTestId("document-header-step").waitFor({ timeout: 30_000 });
}

/** The proposed header as the wizard shows it (the number field, the subject, the signer). */
export async function proposedHeader(page: Page) {
  return {
    number: await page.getByTestId("document-form-number").inputValue(),
    subject: await page.getByTestId("document-form-subject").inputValue(),
    signer: await page.getByTestId("document-form-signer").inputValue(),
    place: await page.getByTestId("document-form-place").inputValue(),
  };
}

/**
 * Confirms the header (after optional corrections: a field's test id → the text to type instead) and
 * moves to the references step.
 */
export async function confirmHeader(page: Page, corrections: Record<string, string> = {}): Promise<void> {
  for (const [testId, text] of Object.entries(corrections)) await page.getByTestId(testId).fill(text);
  await page.getByTestId("document-header-next").click();
  await page.getByTestId("document-references-step").waitFor();
}

/** The references step's rows: what each found reference says and what it matched. */
export async function foundReferences(page: Page): Promise<{ text: string; matched: string }[]> {
  const rows = page.getByTestId("document-reference-row");
  const out: { text: string; matched: string }[] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    const cells = rows.nth(index).locator("td");
    out.push({ text: await cells.nth(1).innerText(), matched: await cells.nth(2).innerText() });
  }
  return out;
}

/** Registers the document the wizard holds and returns its id from the page it opens. */
export async function createFromWizard(page: Page): Promise<number> {
  await page.getByTestId("document-create").click();
  await page.waitForURL(/\/documents\/\d+/, { timeout: 30_000 });
  const id = Number(/\/documents\/(\d+)/.exec(new URL(page.url()).pathname)?.[1]);
  expect(id, "the new document's id").toBeGreaterThan(0);
  await page.getByTestId("document-title").waitFor();
  return id;
}

export type DocumentTab = "info" | "text" | "relations" | "graph" | "cascades";

/** Opens a document's page on a tab and waits for its title. */
export async function openDocument(page: Page, id: number, tab: DocumentTab = "info"): Promise<void> {
  await page.goto(tab === "info" ? `/documents/${id}` : `/documents/${id}?tab=${tab}`);
  await page.getByTestId("document-title").waitFor();
}

/** Types a search in the register and waits until the list shows results for it. */
export async function searchDocuments(page: Page, q: string): Promise<void> {
  await page.goto("/documents");
  await page.getByTestId("document-search").locator("input").fill(q);
  await page.waitForURL((url) => url.searchParams.get("q") === q);
  await expect.poll(() => page.getByTestId("document-total").innerText()).not.toBe("Đang tải…");
}

/** A document type's id by its abbreviation (the first Party type with it). */
export async function documentTypeId(api: Api, abbreviation: string): Promise<number> {
  const types = await api.get<{ items: { id: number; system: string; abbreviation: string }[] }>(
    "/api/document-types",
  );
  const type = types.items.find((item) => item.system === "party" && item.abbreviation === abbreviation);
  expect(type, `document type ${abbreviation}`).toBeDefined();
  return type?.id ?? 0;
}

/**
 * Someone else's edit of a document, straight through the API with its current version (the request
 * context is signed in; its CSRF token comes from /api/auth/me).
 */
export async function editDocumentElsewhere(
  request: APIRequestContext,
  id: number,
  change: Record<string, unknown>,
): Promise<void> {
  const me = (await (await request.get("/api/auth/me")).json()) as { csrfToken: string };
  const current = (await (await request.get(`/api/documents/${id}`)).json()) as { version: number };
  const response = await request.patch(`/api/documents/${id}`, {
    data: { ...change, version: current.version },
    headers: { "x-csrf-token": me.csrfToken },
  });
  expect(response.status(), await response.text()).toBe(200);
}
