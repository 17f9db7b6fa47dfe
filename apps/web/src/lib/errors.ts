// Turning API errors into what people read: the server already localises messages; issues with a
// field path go next to that field, the rest into an alert.
import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { ApiError } from "./api.ts";

export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === "NETWORK_ERROR") return t("errors.network");
    if (error.message) return error.message;
  }
  return t("errors.generic");
}

/** "body.parts.1.name" → ["parts", 1, "name"]. */
export function issuePathToField(path: string): (string | number)[] {
  const parts = path.split(".");
  if (parts[0] === "body" || parts[0] === "query" || parts[0] === "params") parts.shift();
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows each issue at its form field when the form has that field (by its top-level name); returns the
 * issues that have no field so the caller can show them in an alert.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  rename: Record<string, string> = {},
): string[] {
  if (!(error instanceof ApiError) || error.issues.length === 0) return [];
  const leftover: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of error.issues) {
    const name = issuePathToField(issue.path);
    const head = name[0];
    const mapped = typeof head === "string" ? (rename[head] ?? head) : head;
    if (typeof mapped === "string" && fieldNames.includes(mapped)) {
      const fieldName = [mapped, ...name.slice(1)];
      const key = fieldName.join(".");
      const entry = byField.get(key) ?? { name: fieldName, errors: [] };
      entry.errors.push(issue.message);
      byField.set(key, entry);
    } else {
      leftover.push(issue.message);
    }
  }
  form.setFields([...byField.values()]);
  return leftover;
}

/**
 * Server errors of a form, under the field they concern: zod issues carry a field path; a rule that
 * answers with a code naming one field (`fieldOfCode`) goes there. Returns the text for the form's
 * alert (the error itself, and any problem that has no field).
 */
export function showFormErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  t: TFunction,
  fieldOfCode: (error: ApiError) => string | undefined,
): string {
  const field = error instanceof ApiError ? fieldOfCode(error) : undefined;
  if (field && fieldNames.includes(field) && error instanceof ApiError) {
    form.setFields([{ name: field, errors: [errorText(error, t)] }]);
    form.scrollToField(field);
    return errorText(error, t);
  }
  const text = errorText(error, t);
  // An issue whose field the form lacks (a sub-task's parent) often repeats the error itself: once.
  const leftover = applyFieldErrors(form, error, fieldNames).filter((message) => message !== text);
  return [text, ...leftover].join(" ");
}
