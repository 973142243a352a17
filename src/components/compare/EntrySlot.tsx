/**
 * One slot of the compare view's entry picker: a select of the direction's entries (those chosen in other slots left
 * out). On a board of thousands the options are many, so the list is rendered after what the view shows (a deferred
 * value: the chosen entry is there at once, the rest follow) and not again while the choice stays the same.
 */
import { memo, useDeferredValue } from "react";
import type { CompareChoice } from "../../lib/shared/compare.ts";
import { LETTERS } from "./compare-format.ts";
import { Marker, type DotSeries } from "./DotPlot.tsx";

interface Props {
  readonly id: string;
  /** The slot's index (entry A is 0). */
  readonly slot: number;
  readonly series: DotSeries;
  /** The direction's entries in board order. */
  readonly entries: readonly CompareChoice[];
  /** Every slot's entry id, in order ("" past the last). */
  readonly chosen: string;
  /** The ids chosen in the slots, comma-separated (a string, so that an unchanged choice renders nothing again). */
  readonly taken: string;
  readonly onChoose: (slot: number, id: string) => void;
}

function label(entry: CompareChoice): string {
  return entry.reference && !/reference/i.test(entry.name) ? `${entry.name} (reference)` : entry.name;
}

/** The component. */
function EntrySlot({ id, slot, series, entries, chosen, taken, onChoose }: Props) {
  const all = useDeferredValue(entries, []);
  const count = taken === "" ? 0 : taken.split(",").length;
  const others = new Set(taken.split(","));
  const options = all.filter((e) => e.id === chosen || !others.has(e.id));
  // Until the deferred list arrives, the chosen entry alone keeps the select showing it.
  const current = chosen === "" || options.some((e) => e.id === chosen) ? [] : entries.filter((e) => e.id === chosen);
  return (
    <label htmlFor={id}>
      <span className="compare-key"><Marker series={series} /> Entry {LETTERS[slot]}</span>
      <select id={id} value={chosen} disabled={slot > count} onChange={(event) => onChoose(slot, event.target.value)}>
        <option value="">{slot > count ? `— choose entry ${LETTERS[count]} first —` : "— none —"}</option>
        {[...current, ...options].map((e) => <option key={e.id} value={e.id}>{label(e)}</option>)}
      </select>
    </label>
  );
}

export default memo(EntrySlot);
