// The Content-Disposition of a download whose name may hold any character (Vietnamese letters, quotes):
// an ASCII fallback for old clients and the exact name as RFC 6266 / RFC 8187 `filename*` (UTF-8).

/** Letters without diacritics (đ → d); anything else outside printable ASCII, quotes and backslashes → "_". */
function asciiFallback(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
}

/** Percent-encoding of RFC 8187: encodeURIComponent leaves ' ( ) * unescaped, which the grammar forbids. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(
  fileName: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const name = fileName.normalize("NFC");
  return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
