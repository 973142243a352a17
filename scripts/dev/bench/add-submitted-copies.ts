/**
 * `node scripts/dev/bench/add-submitted-copies.ts <store> <benchmark> <source entry> <count>`: adds `count` copies of a
 * V2T entry to a built store (`addV2tCopies`) and ranks that benchmark's V2T boards again (`rerankInPlace`); prints
 * the seconds of each step as JSON. A process of its own, so that the bench times it (wall and CPU), stops it at a
 * cap, and outlives it if 10,000 entries' ranking runs out of memory.
 */
import { addV2tCopies } from "./entry-copies.ts";
import { rerankInPlace } from "./rerank-in-place.ts";

const [store, benchmark, source, count] = process.argv.slice(2);
if (store === undefined || benchmark === undefined || source === undefined || count === undefined || !/^\d+$/.test(count)) {
  console.error("usage: node scripts/dev/bench/add-submitted-copies.ts <store> <benchmark> <source entry> <count>");
  process.exit(2);
}
let started = performance.now();
addV2tCopies(store, benchmark, source, Number(count));
const copySeconds = (performance.now() - started) / 1000;
started = performance.now();
await rerankInPlace(store, benchmark, "v2t");
const rankSeconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ copySeconds, rankSeconds }));
