// The name an uploaded file is kept and sent back under: as the browser sent it, made safe.

/** NFC, no path, no control characters, at most 255 characters; a fixed name when nothing is left. */
export function cleanUploadFileName(name: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).at(-1) ?? "";
  const clean = base
    .replace(/\p{Cc}/gu, "")
    .trim()
    .slice(0, 255);
  return clean === "" ? "tep-tai-len" : clean;
}
