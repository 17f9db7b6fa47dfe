// Whether a record that could not be opened is simply not there for this person (a malformed id, a
// 400 or a 404: the server answers 404 for what is outside the person's scope too) rather than broken.
import { isApiError } from "../lib/api.ts";

/** `error` is null when the id in the address is not even a valid id. */
export function isNotFound(error: unknown): boolean {
  return error === null || (isApiError(error) && (error.status === 400 || error.status === 404));
}
