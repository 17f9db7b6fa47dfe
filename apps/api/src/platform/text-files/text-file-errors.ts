// Why an uploaded file could not be read. Callers turn the reason into their own message.

export type TextFileFailure =
  | "EMPTY"
  | "TOO_LARGE"
  /** A format we do not read: old binary .doc/.xls (OLE), .rtf, an executable, another archive, … */
  | "UNSUPPORTED"
  /** It claims a format we read (by its bytes) but is damaged. */
  | "MALFORMED"
  /** A password-protected PDF or zip. */
  | "ENCRYPTED"
  /** Text in an 8-bit code page that is neither UTF-8 nor a legacy Vietnamese encoding we know. */
  | "UNKNOWN_ENCODING";

export class TextFileError extends Error {
  readonly reason: TextFileFailure;
  constructor(reason: TextFileFailure, detail: string) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
  }
}
