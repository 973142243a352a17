/** `node scripts/dev/bench/write-rows.ts <rows>`: writes a store of that many result rows and prints the seconds it took. */
import { writeResultRows } from "./store.ts";

console.log(writeResultRows(Number(process.argv[2] ?? 1_300_000)));
