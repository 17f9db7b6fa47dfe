// The text of a PDF through unpdf (pdf.js): page count, text page by page, and whether there is a text
// layer at all (a scanned PDF has none, or only a few stray characters per page).
import { extractText, getDocumentProxy } from "unpdf";
import { TextFileError } from "./text-file-errors.ts";

/** Fewer visible characters per page than this, on average, means no usable text layer. */
export const MIN_CHARACTERS_PER_PAGE = 20;

export interface PdfText {
  pageCount: number;
  hasTextLayer: boolean;
  /** Pages separated by a blank line; "" without a text layer. */
  text: string;
}

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && (error.name === "PasswordException" || /password/i.test(error.message));
}

export async function pdfText(bytes: Buffer): Promise<PdfText> {
  let pages: string[];
  let pageCount: number;
  try {
    // pdf.js takes ownership of the array it is given: hand it a copy.
    const proxy = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pageCount = proxy.numPages;
      ({ text: pages } = await extractText(proxy, { mergePages: false }));
    } finally {
      await proxy.loadingTask.destroy();
    }
  } catch (error) {
    if (isPasswordError(error)) throw new TextFileError("ENCRYPTED", (error as Error).message);
    throw new TextFileError("MALFORMED", (error as Error).message);
  }
  const visible = pages.reduce((sum, page) => sum + page.replace(/\s/g, "").length, 0);
  const hasTextLayer = pageCount > 0 && visible >= pageCount * MIN_CHARACTERS_PER_PAGE;
  return { pageCount, hasTextLayer, text: hasTextLayer ? pages.join("\n\n") : "" };
}
