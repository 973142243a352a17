/**
 * The check behind a submission pull request's comment: the gate's verdict (gate.json, written by pr-gate.ts) and,
 * when it accepted a bundle, the dry run of that bundle against the base branch's data and store, its output kept
 * verbatim. Nothing is stored.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { submitBundle } from "../submissions/submit-bundle.ts";
import { GateVerdictSchema } from "./check-changes.ts";
import type { CheckReport } from "./comment.ts";

/** Which pull request and run a report belongs to (meta.json beside comment.md), checked by the comment workflow. */
export const ReportMetaSchema = z.strictObject({
  pullRequest: z.int().positive(),
  headSha: z.string().regex(/^[0-9a-f]{40}$/),
  runId: z.string().regex(/^[0-9]+$/),
});

/** Which pull request and run a report belongs to. */
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

/** Where the dry run reads the base branch's data, store and datasets. */
export interface ReportOptions {
  readonly gateDir: string;
  readonly dataDir: string;
  readonly store: string;
  readonly datasetsDir?: string;
  readonly cacheDir?: string;
}

/** Reads the gate's verdict and dry-runs the accepted bundle, collecting everything it prints. */
export async function runCheck(options: ReportOptions): Promise<CheckReport> {
  const file = path.join(options.gateDir, "gate.json");
  const verdict = GateVerdictSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!verdict.accepted) return { verdict, dryRun: null };
  let output = "";
  const sink = { isTTY: false, write: (text: string) => ((output += text), true) };
  const outcome = await submitBundle({
    bundle: path.join(options.gateDir, "bundle"),
    dataDir: options.dataDir,
    store: options.store,
    dryRun: true,
    stdout: sink,
    stderr: sink,
    ...(options.datasetsDir ? { datasetsDir: options.datasetsDir } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  return { verdict, dryRun: { output, exitCode: outcome.exitCode } };
}
