// The member update API takes the whole personal record, not a patch: a save is the record as last
// read from the server with only the fields the person changed laid over it, so fields they never
// touched carry the saved values (another person's edits included), never the form's stale copy.

/**
 * The update body: `saved` is the record at `version` (when the form opened, or as re-read after a
 * version conflict) in the API's shape; `changes` are the fields the person changed since.
 */
export function memberUpdateBody<T extends object>(
  saved: T,
  changes: Partial<T>,
  version: number,
): T & { version: number } {
  return { ...saved, ...changes, version };
}
