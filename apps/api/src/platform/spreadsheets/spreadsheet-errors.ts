// Why a spreadsheet file could not be read. Callers turn the reason into their own message.

export type SpreadsheetFailure =
  | "EMPTY"
  | "NOT_SPREADSHEET"
  /** An OLE/CFB container: a password-protected .xlsx or an old binary .xls. */
  | "ENCRYPTED_OR_XLS"
  | "CORRUPTED"
  /** The zip would expand to too much data, too many entries or at an abnormal ratio. */
  | "ZIP_BOMB"
  | "TOO_MANY_ROWS"
  | "NO_VISIBLE_SHEET";

export class SpreadsheetError extends Error {
  readonly reason: SpreadsheetFailure;
  /** E.g. the number of rows found for TOO_MANY_ROWS. */
  readonly count: number | undefined;
  constructor(reason: SpreadsheetFailure, detail: string, count?: number) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
    this.count = count;
  }
}
