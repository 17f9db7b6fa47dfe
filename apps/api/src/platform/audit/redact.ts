// Secrets never reach the audit log, whatever a caller passes as before/after.
const SECRET_KEYS = new Set([
  "password",
  "passwordHash",
  "currentPassword",
  "newPassword",
  "totpSecret",
  "totpCode",
  "secret",
  "token",
  "tokenHash",
  "csrfToken",
]);

/** A deep copy of `value` without any property whose name is a known secret. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (!SECRET_KEYS.has(key)) out[key] = redactSecrets(inner);
    }
    return out;
  }
  return value;
}
