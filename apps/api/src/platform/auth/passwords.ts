// Password hashing with argon2id (OWASP parameters) and the password policy.
import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** At least 10 characters with both letters and digits. */
export function isStrongEnough(password: string): boolean {
  return password.length >= 10 && /\p{L}/u.test(password) && /\d/.test(password);
}
