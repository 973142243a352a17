// @ts-check
/**
 * Lint: typescript-eslint's recommended rules over every TypeScript and JavaScript file (`npm run lint`, run by
 * `npm test` before vitest). Not type-aware: the type checker already runs in `npm run typecheck`, and type-aware
 * rules would parse the project a second time on a 2-core machine. `.astro` files are type-checked, not linted.
 *
 * typescript-eslint 8 reads TypeScript through its JavaScript API, which TypeScript 7 no longer ships: it is given
 * TypeScript 6 (the `typescript-6` alias) by a module resolution hook, while `tsc` stays TypeScript 7.
 */
import { registerHooks } from "node:module";

const USES_TS6 = /\/node_modules\/(?:typescript-eslint|@typescript-eslint\/[^/]+|ts-api-utils)\//;
registerHooks({
  resolve(specifier, context, next) {
    if (/^typescript(?:\/|$)/.test(specifier) && USES_TS6.test(context.parentURL ?? "")) return next(specifier.replace(/^typescript/, "typescript-6"), context);
    return next(specifier, context);
  },
});
const { default: tseslint } = await import("typescript-eslint");

export default tseslint.config(
  { ignores: ["dist/", ".astro/", "node_modules/", "db/migrations/", "tmp/", "screenshots/", "test-results/", ".cache/"] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly", performance: "readonly" },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `{ at: _at, ...record }` drops a field on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests edit parsed JSON fixtures in place and read untyped browser results; the code under test has no `any`.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
