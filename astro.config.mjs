// @ts-check
import "./scripts/check-node.mjs";
import react from "@astrojs/react";
import { defineConfig } from "astro/config";
import { fileURLToPath } from "node:url";

// Pages read the store at build time; bundling moves db/client.ts, so pin the store's path here.
process.env.AIGVE_STORE ??= fileURLToPath(new URL("./db/store.sqlite", import.meta.url));

// A static site: every page and download is rendered at build time from the store.
export default defineConfig({
  output: "static",
  // Keep source whitespace: compression joins words across line breaks ("or\n<em>x" → "or<em>x").
  compressHTML: false,
  integrations: [react()],
  trailingSlash: "ignore",
  // Several pages in flight at once: a page's file is written while the next renders (loaders are synchronous and
  // memoised, so pages share nothing mutable); at a thousand entries per board this removes most of the build's idle time.
  build: { format: "directory", concurrency: 4 },
  vite: {
    // better-sqlite3 is a native module read at build time only; never bundle it.
    ssr: { external: ["better-sqlite3"] },
  },
});
