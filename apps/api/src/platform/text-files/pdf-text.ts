// The text of a PDF through unpdf (pdf.js): page count, text page by page, and whether there is a text
// layer at all (a scanned PDF has none, or only a few stray characters per page). Pages are read one
// after another, and at most MAX_PDF_TEXT_PAGES of them: a huge PDF is kept, but its reading is bounded.
import { getDocumentProxy } from "unpdf";
import { TextFileError } from "./text-file-errors.ts";

/** Fewer visible characters per page than this, on average, means no usable text layer. */
export const MIN_CHARACTERS_PER_PAGE = 20;
/** Pages whose text is read; a plan is a few hundred pages at most. */
export const MAX_PDF_TEXT_PAGES = 1000;

export interface PdfText {
  pageCount: number;
  /** Pages whose text was read (all of them unless the PDF is longer than the cap). */
  pagesRead: number;
  hasTextLayer: boolean;
  /** Pages separated by a blank line; "" without a text layer. */
  text: string;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && (error.name === "PasswordException" || /password/i.test(error.message));
}

/** A page's text as unpdf's extractText gives it: the text items, a line break where a line ends. */
async function pageText(pdf: PdfDocument, pageNumber: number): Promise<string> {
  const content = await (await pdf.getPage(pageNumber)).getTextContent();
  return content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
}

export async function pdfText(bytes: Buffer, maxPages = MAX_PDF_TEXT_PAGES): Promise<PdfText> {
  const pages: string[] = [];
  let pageCount: number;
  try {
    // pdf.js takes ownership of the array it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pageCount = pdf.numPages;
      for (let page = 1; page <= Math.min(pageCount, maxPages); page++) pages.push(await pageText(pdf, page));
    } finally {
      await pdf.loadingTask.destroy();
    }
  } catch (error) {
    if (isPasswordError(error)) throw new TextFileError("ENCRYPTED", (error as Error).message);
    throw new TextFileError("MALFORMED", (error as Error).message);
  }
  const visible = pages.reduce((sum, page) => sum + page.replace(/\s/g, "").length, 0);
  const hasTextLayer = pages.length > 0 && visible >= pages.length * MIN_CHARACTERS_PER_PAGE;
  return { pageCount, pagesRead: pages.length, hasTextLayer, text: hasTextLayer ? pages.join("\n\n") : "" };
}
