import path from "node:path";
import { launchChromium } from "/work/wt-site/tests/support/browser.ts";
import { serveStatic } from "/work/wt-site/tests/support/static-server.ts";
const [out, width, scheme, ...pages] = process.argv.slice(2);
const server = await serveStatic(path.resolve("dist"));
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme as "light" | "dark" });
const page = await context.newPage();
for (const url of pages) {
  await page.goto(`${server.url}${url}`, { waitUntil: "networkidle" });
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 400) { await page.evaluate((t) => window.scrollTo(0, t), y); await page.waitForTimeout(120); }
  await page.waitForTimeout(400);
  const name = `${url.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${width}-${scheme}.png`;
  await page.screenshot({ path: path.join(out, name), fullPage: true });
  console.log(path.join(out, name));
}
await browser.close(); await server.close();
