// `npm start`: build the web app if its sources changed, then serve (embedded database in ./data unless
// DATABASE_URL is set; demo province seeded on first start).
import { ensureWebBuilt } from "./build-web.ts";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(
    `Năm Rõ cần Node.js 24 (đang chạy ${process.version}). Hãy chạy "npm ci" để cài Node 24 đi kèm. ` +
      `(Năm Rõ needs Node.js 24; run "npm ci" to install the bundled Node 24.)`,
  );
  process.exit(1);
}

await ensureWebBuilt();
const { serve } = await import("../apps/api/src/main.ts");
await serve();
