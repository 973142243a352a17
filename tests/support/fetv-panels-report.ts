/**
 * Prints the anchoring check on FETV's real per-rater ratings as tables: each FETV rater alone as the panel (does
 * the entry's 95% interval cover the model's board value?), the 30%-noise three-rater panel, and "M again".
 * Run: node tests/support/fetv-panels-report.ts [--resamples 1000]
 */
import "../../scripts/check-node.mjs";
import { fetvContent } from "./fetv-bundles.ts";
import { fetvStore, panelCells, type PanelCell } from "./fetv-panel-coverage.ts";
import { closeTempRoot, openTempRoot } from "./temp.ts";

const at = process.argv.indexOf("--resamples");
const resamples = at > 0 ? Number(process.argv[at + 1]) : 1000;
// One temp root for everything the report makes (the data copies its helpers make included), removed at the end.
const temp = openTempRoot();
const root = temp.dir;
try {
  const where = await fetvStore(root, resamples);
  const { oneRater, noisy, again } = await panelCells(where, root, fetvContent());
  const show = (c: PanelCell) => `${c.panel.padEnd(10)} ${c.model.padEnd(16)} ${c.perspective.padEnd(17)} ${c.value.toFixed(2)} [${c.low?.toFixed(2) ?? "—"}, ${c.high?.toFixed(2) ?? "—"}]  board ${c.board.toFixed(3)}  ${c.covered ? "covered" : "MISSED"}`;
  console.log(`One rater alone (${resamples} resamples): ${oneRater.filter((c) => c.covered).length} of ${oneRater.length} intervals cover the board value`);
  for (const c of oneRater) console.log(show(c));
  console.log(`\nThree raters, 30% of ratings replaced by uniform 1–5 draws: ${noisy.filter((c) => c.covered).length} of ${noisy.length} covered`);
  for (const c of noisy) console.log(show(c));
  const equal = again.filter((c) => c.value === Number(c.board.toFixed(2))).length;
  console.log(`\n"M again": ${equal} of ${again.length} figures equal the model's board value (as printed)`);
  for (const c of again) console.log(show(c));
} finally {
  closeTempRoot(temp);
}
