/**
 * vitest `setupFiles` module: runs before each test file and gives the file its own temp root (tests/support/temp.ts),
 * removed after the file's last hook, so no test file leaves a temporary folder behind. Registered first, its
 * `afterAll` runs after the file's own (vitest runs "after" hooks in reverse order), when its servers, browsers
 * and child processes are closed.
 */
import { afterAll } from "vitest";
import { closeTempRoot, openTempRoot } from "./temp.ts";

const root = openTempRoot();
afterAll(() => closeTempRoot(root));
