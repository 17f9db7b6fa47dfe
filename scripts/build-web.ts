// Builds the web app into apps/web/dist when its sources changed since the last build (a stamp file
// holds a hash of the inputs), so a second `npm start` does not rebuild.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const webDir = join(root, "apps/web");
const distDir = join(webDir, "dist");
const stampFile = join(distDir, ".build-stamp");
const INPUTS = [
  "apps/web/src",
  "apps/web/index.html",
  "apps/web/vite.config.ts",
  "apps/web/public",
  "packages/contracts/src",
  "packages/domain/src",
  "package-lock.json",
];

function* filesUnder(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    yield* filesUnder(join(path, entry.name));
  }
}

export function webSourceHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of filesUnder(join(root, input))) {
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

export async function ensureWebBuilt(
  options: { force?: boolean; log?: (message: string) => void } = {},
): Promise<boolean> {
  const log = options.log ?? console.log;
  const hash = webSourceHash();
  const current = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : null;
  if (!options.force && current === hash && existsSync(join(distDir, "index.html"))) return false;
  log("Đang dựng giao diện web (chỉ lần đầu hoặc khi mã nguồn thay đổi)… / Building the web app…");
  const { build } = await import("vite");
  // Vite builds React in development mode when NODE_ENV says so (Vitest sets it to "test").
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(webDir, "vite.config.ts"), logLevel: "warn", mode: "production" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stampFile, `${hash}\n`);
  return true;
}

if (import.meta.main) {
  await ensureWebBuilt({ force: process.argv.includes("--force") });
}
