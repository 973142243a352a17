/** Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, set up for a closed network. */
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Chromium is: CHROMIUM_PATH, else Debian's package location. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether a Chromium binary is present. */
export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** Launches Chromium without the background traffic a closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
