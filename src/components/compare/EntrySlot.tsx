/**
 * One slot of the compare view's entry picker: a select of the listed entries (choices.ts: the board's first, or those
 * the find box matches), less those chosen in other slots, and always the slot's own choice.
 */
import { memo } from "react";
import type { CompareChoice } from "../../lib/shared/compare.ts";
import { LETTERS } from "./compare-format.ts";
import { Marker, type DotSeries } from "./DotPlot.tsx";

interface Props {
  readonly id: string;
  /** The slot's index (entry A is 0). */
  readonly slot: number;
  readonly series: DotSeries;
  /** The listed entries in board order. */
  readonly entries: readonly CompareChoice[];
  /** The slot's chosen entry (listed or not), or undefined when the slot is empty. */
  readonly chosenEntry: CompareChoice | undefined;
  /** The ids chosen in the slots, comma-separated (a string, so that an unchanged choice renders nothing again). */
  readonly taken: string;
  readonly onChoose: (slot: number, id: string) => void;
}

function label(entry: CompareChoice): string {
  return entry.reference && !/reference/i.test(entry.name) ? `${entry.name} (reference)` : entry.name;
}

/** The component. */
function EntrySlot({ id, slot, series, entries, chosenEntry, taken, onChoose }: Props) {
  const count = taken === "" ? 0 : taken.split(",").length;
  const others = new Set(taken.split(","));
  const chosen = chosenEntry?.id ?? "";
  const options = entries.filter((e) => e.id === chosen || !others.has(e.id));
  // The slot's own entry stays in its list when the list shows others (a search, or the board's first entries).
  const current = chosenEntry === undefined || options.some((e) => e.id === chosen) ? [] : [chosenEntry];
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
