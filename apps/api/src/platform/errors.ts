// Services signal expected failures with an AppError carrying a catalogued code; the HTTP layer turns
// it into the status and the localized message of ERROR_CATALOGUE.
import type { ErrorCode } from "@namro/contracts";

export interface FieldIssue {
  path: string;
  /** A catalogued message code, or a free message already localized. */
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, options: { issues?: FieldIssue[]; detail?: string } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code);
    this.code = code;
    this.issues = options.issues;
  }
}
