// Keeps one generated table per scale in docs/BENCHMARKS.md, between markers; the prose around the
// markers is written by hand and left alone.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const REPORT_FILE = join(import.meta.dirname, "../docs/BENCHMARKS.md");

const start = (scale: string) => `<!-- bench:${scale}:start -->`;
const end = (scale: string) => `<!-- bench:${scale}:end -->`;

/** `scale` keys the section (e.g. "national", "members-national"); `title` heads a new one. */
export function writeScaleSection(scale: string, body: string, title = `Scale: ${scale}`): void {
  const text = existsSync(REPORT_FILE) ? readFileSync(REPORT_FILE, "utf8") : "# Benchmarks\n";
  const section = `${start(scale)}\n${body.trim()}\n${end(scale)}`;
  const from = text.indexOf(start(scale));
  const to = text.indexOf(end(scale));
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + section + text.slice(to + end(scale).length)
      : `${text.trimEnd()}\n\n## ${title}\n\n${section}\n`;
  writeFileSync(REPORT_FILE, next);
}
