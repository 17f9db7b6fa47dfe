// Writes .xlsx files as a stream (ExcelJS WorkbookWriter): each row is committed and flushed as it is
// added, so a sheet of 200,000 rows never sits in memory.
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

export type WrittenCell = string | number | null;

export interface SheetWriter {
  addRow(cells: readonly WrittenCell[]): void;
  /** Ends the sheet; call before starting the next one. */
  end(): void;
}

export interface XlsxWriter {
  addSheet(name: string, headers: readonly string[], options?: { widths?: readonly number[] }): SheetWriter;
  /** Finishes the workbook and the output stream. */
  finish(): Promise<void>;
}

export function createXlsxWriter(output: Writable): XlsxWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  return {
    addSheet(name, headers, options = {}) {
      const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = headers.map((header, i) => ({
        header,
        width: options.widths?.[i] ?? Math.max(12, header.length + 4),
      }));
      const headerRow = sheet.getRow(1);
      headerRow.font = { bold: true };
      headerRow.commit();
      return {
        addRow(cells) {
          // Text stays text: a leading-zero ID or card number must not become a number.
          sheet.addRow(cells.map((cell) => (cell === null ? null : cell))).commit();
        },
        end() {
          sheet.commit();
        },
      };
    },
    async finish() {
      await workbook.commit();
    },
  };
}
