/**
 * The command line of `npm run bench -- …`: `--only <case>[,<case>…]` runs those cases alone, in their table order;
 * `--sizes <n>,<n>,…` gives the sizes of the one case selected that takes sizes (say, `--only submitted-growth
 * --sizes 100,1000,10000`). Anything else is refused before a case runs: a bench that ignored a typo would run for
 * hours at the wrong sizes.
 */

/** What the command line selects: the cases to run (null: all) and the sizes of a sized case (null: its defaults). */
export interface BenchOptions {
  readonly only: readonly string[] | null;
  readonly sizes: readonly number[] | null;
}

/** Parses `args` against the case names and the names of the cases that take sizes; throws naming the bad argument. */
export function parseBenchOptions(args: readonly string[], cases: readonly string[], sized: readonly string[]): BenchOptions {
  let only: string[] | null = null;
  let sizes: number[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    const value = args[i + 1];
    if (flag !== "--only" && flag !== "--sizes") throw new Error(`bench: unknown argument "${flag}"; use --only <case>[,<case>…] and --sizes <n>,<n>,…`);
    if (value === undefined || value.startsWith("--")) throw new Error(`bench: ${flag} needs a value`);
    i++;
    const items = value.split(",").map((item) => item.trim()).filter((item) => item !== "");
    if (flag === "--only") {
      const unknown = items.filter((name) => !cases.includes(name));
      if (items.length === 0 || unknown.length > 0) throw new Error(`bench: --only names unknown case(s) "${unknown.join(", ") || value}"; the cases are ${cases.join(", ")}`);
      only = cases.filter((name) => items.includes(name));
    } else {
      const bad = items.filter((item) => !/^\d+$/.test(item) || Number(item) < 1);
      if (items.length === 0 || bad.length > 0) throw new Error(`bench: --sizes takes whole numbers from 1, not "${bad.join(", ") || value}"`);
      sizes = items.map(Number);
    }
  }
  if (sizes !== null) {
    const selected = (only ?? cases).filter((name) => sized.includes(name));
    if (only === null || selected.length !== 1) throw new Error(`bench: --sizes needs --only with exactly one of the cases that take sizes (${sized.join(", ")})`);
  }
  return { only, sizes };
}
