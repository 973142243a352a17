/**
 * Shared setup of the browser tests: the built site (dist/) on a local server, one headless Chromium per test
 * file, pages that record console errors, page errors and failed requests, and an axe-core scan.
 * Without Chromium the suites are skipped with a message on a developer machine but fail in CI.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { CHROMIUM_PATH, hasChromium, launchChromium } from "./browser.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The built site under test: dist/, or a copy of it named by AIGVE_DIST. */
export const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

/**
 * A describe block that needs Chromium. Without it: skipped with a message locally, one failing test in CI
 * (a CI run that silently tested no browser would look green).
 */
export function describeBrowser(title: string, body: () => void): void {
  if (hasChromium()) {
    describe(title, body);
  } else if (process.env.CI === "true") {
    describe(title, () => {
      it("has Chromium to run the browser tests", () => {
        throw new Error(
          `Chromium not found at ${CHROMIUM_PATH}. CI must install it (apt-get install chromium, see .ci/run) ` +
            "or set CHROMIUM_PATH.",
        );
      });
    });
  } else {
    console.warn(
      `Skipping browser tests "${title}": Chromium not found at ${CHROMIUM_PATH} ` +
        "(apt-get install chromium, or set CHROMIUM_PATH).",
    );
    describe.skipIf(true)(title, body);
  }
}

/** What went wrong while a page was open. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
}

/** The site, a browser and a context, set up by `useSite()` in a describe block. */
export interface Site {
  readonly url: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** A new page in the shared context that records its problems in `problems`. */
  newPage(): Promise<Page>;
  /** Problems recorded on a page opened with `newPage()`. */
  problems(page: Page): PageProblems;
  /** Forgets the problems recorded so far on a page (before loading the next URL). */
  resetProblems(page: Page): void;
}

/** Fails with a clear message when the site has not been built. */
export function assertBuilt(): void {
  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    throw new Error(`${DIST} has no built site: run npm run build first (npm test does).`);
  }
}

/**
 * Starts the static server and Chromium before the block's tests and stops them after. `dist` names another built
 * site to serve (read when the block starts, so a beforeAll registered earlier can build it).
 * The returned object is filled in by the beforeAll hook.
 */
export function useSite(options: { viewport?: { width: number; height: number }; dist?: () => string } = {}): Site {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const recorded = new WeakMap<Page, PageProblems>();
  const empty = (): PageProblems => ({ consoleErrors: [], pageErrors: [], failedRequests: [] });

  const site: Site = {
    get url() {
      if (!server) throw new Error("the site is not served yet");
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error("the browser is not started yet");
      return browser;
    },
    get context() {
      if (!context) throw new Error("the browser is not started yet");
      return context;
    },
    async newPage() {
      const page = await site.context.newPage();
      recorded.set(page, empty());
      const get = () => recorded.get(page) ?? empty();
      page.on("console", (message) => {
        if (message.type() === "error") get().consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => get().pageErrors.push(String(error)));
      page.on("requestfailed", (request) => {
        const reason = request.failure()?.errorText ?? "failed";
        // ERR_ABORTED is the browser cancelling a request itself, e.g. the favicon when the next page loads.
        if (reason !== "net::ERR_ABORTED") get().failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
      });
      page.on("response", (response) => {
        if (response.status() >= 400) get().failedRequests.push(`${response.status()} ${response.url()}`);
      });
      return page;
    },
    problems(page) {
      return recorded.get(page) ?? empty();
    },
    resetProblems(page) {
      recorded.set(page, empty());
    },
  };

  beforeAll(async () => {
    if (options.dist === undefined) assertBuilt();
    server = await serveStatic(options.dist?.() ?? DIST);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      colorScheme: "light",
      reducedMotion: "reduce",
    });
    // Nothing may leave the machine: a request to any other host is a failure the page must not make.
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]).*/, (route) => route.abort("blockedbyclient"));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  return site;
}

/** Loads a site path (status 200 required) and, unless `settle` is false, waits until the network is idle. */
export async function visit(site: Site, page: Page, pathname: string, options: { settle?: boolean } = {}): Promise<void> {
  const response = await page.goto(`${site.url}${pathname}`, { waitUntil: "load" });
  if (!response || response.status() !== 200) {
    throw new Error(`${pathname} answered ${response?.status() ?? "nothing"}`);
  }
  if (options.settle ?? true) await page.waitForLoadState("networkidle");
}

/**
 * Scrolls each chart island into view in turn (client:visible islands hydrate on intersection), waits until
 * none is left unhydrated, and scrolls back to the top.
 */
export async function hydrateIslands(page: Page): Promise<void> {
  const pending = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const islands = [...document.querySelectorAll("astro-island[ssr]")];
    for (const island of islands) {
      // Islands are display: contents (no box of their own): scroll their rendered content instead.
      const target = island.firstElementChild ?? island.parentElement ?? island;
      target.scrollIntoView({ block: "center" });
      await frame();
    }
    return islands.length;
  });
  if (pending > 0) {
    await page.waitForFunction(() => document.querySelectorAll("astro-island[ssr]").length === 0, null, {
      timeout: 10_000,
      polling: 50,
    });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
}

/** Every page of the built site, as site paths ("/", "/t2v/", …), sorted. */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "index.html") {
        const relative = path.relative(DIST, path.dirname(full)).split(path.sep).join("/");
        pages.push(relative === "" ? "/" : `/${relative}/`);
      }
    }
  };
  walk(DIST);
  return pages.sort();
}

/** One axe-core violation, summarized. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: (v.impact ?? null) as string | null,
      help: v.help as string,
      targets: (v.nodes as any[]).slice(0, 5).map((n) => `${(n.target as string[]).join(" ")}: ${n.failureSummary ?? ""}`),
    }));
  });
}
