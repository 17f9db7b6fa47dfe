// TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s) through otplib v13's functional API.
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "Năm Rõ";
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(username: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** Accepts the code of the current step or one step either side, to allow for clock drift. */
export async function isValidTotp(secret: string, code: string, now: Date): Promise<boolean> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: PERIOD_SECONDS,
    });
    return result.valid;
  } catch {
    return false;
  }
}
