// PostgreSQL write-ahead-log positions ("16/B374D848": two 32-bit halves in hex) as bigints, so two
// positions compare with < and >.

const LSN_TEXT = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The position, or null for anything that is not one (a cookie is input like any other). */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = LSN_TEXT.exec(text ?? "");
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  const high = (lsn >> 32n).toString(16).toUpperCase();
  const low = (lsn & 0xffffffffn).toString(16).toUpperCase();
  return `${high}/${low}`;
}
