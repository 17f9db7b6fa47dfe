// Vite build of the web app. `npx vite build --config apps/web/vite.config.ts` writes apps/web/dist, which
// the API server serves at /. In development `/api` is proxied to the API server.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = new URL(".", import.meta.url).pathname;
// Where the API server runs during `vite` / `vite preview` (NAMRO_API_URL overrides).
const apiTarget = process.env.NAMRO_API_URL ?? "http://localhost:3000";

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    // Phones on slow networks: keep the entry small; pages are lazy-loaded chunks.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { "/api": apiTarget },
  },
  preview: {
    proxy: { "/api": apiTarget },
  },
});
