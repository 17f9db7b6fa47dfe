// Server errors about a document's header, shown under the field they concern: zod issues carry a
// field path; a few register rules answer with a code that clearly belongs to one field.
import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import type { ApiError } from "../../lib/api.ts";
import { showFormErrors } from "../../lib/errors.ts";

const FIELD_OF_CODE: Record<string, string> = {
  DOCUMENT_NUMBER_TAKEN: "number",
  DOCUMENT_NUMBER_INVALID: "number",
  DOCUMENT_TYPE_UNKNOWN: "typeId",
  DOCUMENT_ISSUER_UNKNOWN: "issuerCodes",
  DOCUMENT_TERM_NOT_FOUND: "termId",
  DOCUMENT_DATE_IN_FUTURE: "issuedOn",
  // Registering under an organisation the person does not manage.
  ORG_NOT_FOUND: "ownerOrgId",
};

/** The field an error with a code belongs to; an organisation outside the scope names its field in its issue. */
function fieldOfCode(error: ApiError): string | undefined {
  if (error.code === "DOCUMENT_ORG_OUTSIDE_SCOPE") return error.issues[0]?.path.split(".")[1];
  return FIELD_OF_CODE[error.code];
}

/**
 * Puts what can be placed at its field and returns the text for the form's alert (the error itself,
 * and any problem that has no field).
 */
export function showDocumentErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  t: TFunction,
): string {
  return showFormErrors(form, error, fieldNames, t, fieldOfCode);
}
