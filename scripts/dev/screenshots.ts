/** `npm run screenshots`: captures the built site in light and dark, desktop and phone, into screenshots/. */
import "../check-node.mjs";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "../../tests/support/browser.ts";
import { serveStatic } from "../../tests/support/static-server.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string", default: "screenshots" }, full: { type: "boolean", default: false } },
});
const root = path.resolve(process.env.AIGVE_DIST ?? "dist");
const pages = positionals.length > 0 ? positionals : ["/", "/t2v/", "/v2t/", "/methodology/", "/downloads/"];
const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];
fs.mkdirSync(values.out, { recursive: true });
const server = await serveStatic(root);
const browser = await launchChromium();
try {
  for (const scheme of ["light", "dark"] as const) {
    for (const viewport of viewports) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      for (const url of pages) {
        await page.goto(`${server.url}${url}`, { waitUntil: "networkidle" });
        // Islands hydrate when visible: walk down the page so every chart has rendered before the shot.
        const height = await page.evaluate(() => document.body.scrollHeight);
        for (let y = 0; y < height; y += viewport.height / 2) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(150);
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(300);
        const name = `${url.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${viewport.name}-${scheme}.png`;
        await page.screenshot({ path: path.join(values.out, name), fullPage: values.full });
        console.log(path.join(values.out, name));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
