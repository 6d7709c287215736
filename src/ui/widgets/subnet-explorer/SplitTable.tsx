/**
 * The split/join table of visual subnet calculators: one row per subnet,
 * a Split button per row, and "join" columns where each divided block is a
 * single cell spanning the rows it covers — click it to merge them back.
 * Every control is a real button with a spoken label.
 */
import { useEffect, useId, useRef } from "react";
import type { SplitLeaf, SplitNode, SplitPlan } from "../../../sim/addr/explorer-types";
import { groupDigits } from "./format-count";
import { joinColumns } from "./join-columns";
import { leavesOf, splitBlocker } from "./split-tree";
import shared from "./shared.module.css";
import styles from "./SplitTable.module.css";
import hidden from "../../styles/visually-hidden.module.css";

/** Move focus to a row's Split button once that row exists (after a split or join). */
export interface FocusRequest {
  cidr: string;
  /** Distinguishes two requests for the same row. */
  serial: number;
}

interface SplitTableProps {
  plan: SplitPlan;
  cloud: boolean;
  onSplit: (leaf: SplitLeaf) => void;
  onJoin: (node: SplitNode) => void;
  focus: FocusRequest | null;
}

export function SplitTable({ plan, cloud, onSplit, onJoin, focus }: SplitTableProps) {
  const columns = joinColumns(plan);
  const splitButtons = useRef(new Map<string, HTMLButtonElement>());
  const scroller = useRef<HTMLDivElement>(null);
  const handled = useRef<number | null>(null);
  const v4 = plan.leaves[0]?.facts.family !== 6;

  useEffect(() => {
    if (!focus || handled.current === focus.serial) return;
    const button = splitButtons.current.get(focus.cidr);
    if (!button) return;
    handled.current = focus.serial;
    // Only when focus is still ours to move: on the table, or lost with a removed
    // button — never pulled back from wherever the reader went meanwhile.
    const active = document.activeElement;
    if (active && active !== document.body && !scroller.current?.contains(active)) return;
    button.focus();
  }, [focus, plan]);

  return (
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={`Subnets of ${plan.root}`}>
      <table className={styles.table}>
        <caption className={styles.caption}>
          Subnets of <span className={shared.mono}>{plan.root}</span>: {plan.leaves.length}{" "}
          {plan.leaves.length === 1 ? "row" : "rows"}
          {cloud ? ", 5 addresses reserved in each (cloud)" : ""}. Split a row to halve it; press a join cell to merge
          the rows it spans.
        </caption>
        <thead>
          <tr>
            <th scope="col">Subnet</th>
            {v4 && (
              <th scope="col" className={styles.maskColumn}>
                Mask
              </th>
            )}
            <th scope="col">Usable range</th>
            <th scope="col" className={styles.number}>
              Usable hosts
            </th>
            <th scope="col">Split</th>
            {columns.length > 0 && (
              <th scope="colgroup" colSpan={columns.length}>
                Join
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {plan.leaves.map((leaf, row) => (
            <tr key={leaf.cidr}>
              <th scope="row" className={shared.mono}>
                {leaf.cidr}
              </th>
              {v4 && <td className={`${shared.mono} ${styles.maskColumn}`}>{leaf.facts.mask}</td>}
              <td className={styles.range}>
                <UsableRange leaf={leaf} />
              </td>
              <td className={`${shared.mono} ${styles.number}`}>{groupDigits(leaf.facts.usableHosts)}</td>
              <td>
                <SplitButton
                  leaf={leaf}
                  blocker={splitBlocker(plan, leaf, cloud)}
                  onSplit={onSplit}
                  register={(element) => {
                    if (element) splitButtons.current.set(leaf.cidr, element);
                    else splitButtons.current.delete(leaf.cidr);
                  }}
                />
              </td>
              {columns.map(({ depth, cells }) => {
                const cell = cells[row];
                if (!cell || cell.kind === "covered") return null;
                if (cell.kind === "empty") return <td key={depth} className={styles.joinEmpty} />;
                return (
                  <td key={depth} rowSpan={cell.rowSpan} className={styles.joinCell}>
                    <JoinButton node={cell.node} leaves={leavesOf(plan, cell.node)} onJoin={onJoin} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UsableRange({ leaf }: { leaf: SplitLeaf }) {
  const { firstUsable, lastUsable } = leaf.facts;
  if (!firstUsable || !lastUsable) return <span className={styles.muted}>none</span>;
  if (firstUsable === lastUsable) return <span className={shared.mono}>{firstUsable}</span>;
  return (
    <>
      <span className={shared.mono}>{firstUsable}</span> – <span className={shared.mono}>{lastUsable}</span>
    </>
  );
}

interface SplitButtonProps {
  leaf: SplitLeaf;
  blocker: string | null;
  onSplit: (leaf: SplitLeaf) => void;
  register: (element: HTMLButtonElement | null) => void;
}

/**
 * A blocked Split stays focusable (aria-disabled rather than disabled), so a
 * keyboard or screen-reader user can still reach it and hear why.
 */
function SplitButton({ leaf, blocker, onSplit, register }: SplitButtonProps) {
  const reasonId = useId();
  return (
    <>
      <button
        ref={register}
        type="button"
        className={`${shared.button} ${styles.splitButton}`}
        aria-label={`Split ${leaf.cidr} in half`}
        aria-disabled={blocker ? true : undefined}
        aria-describedby={blocker ? reasonId : undefined}
        title={blocker ?? undefined}
        onClick={() => onSplit(leaf)}
      >
        Split
      </button>
      {blocker && (
        <span id={reasonId} className={hidden.visuallyHidden}>
          {blocker}
        </span>
      )}
    </>
  );
}

interface JoinButtonProps {
  node: SplitNode;
  leaves: SplitLeaf[];
  onJoin: (node: SplitNode) => void;
}

function JoinButton({ node, leaves, onJoin }: JoinButtonProps) {
  const label = `Join ${node.cidr} back into one subnet`;
  const prefix = node.cidr.slice(node.cidr.lastIndexOf("/"));
  return (
    <button
      type="button"
      className={styles.joinButton}
      aria-label={label}
      title={`${label} (merges ${leaves.length} rows)`}
      onClick={() => onJoin(node)}
    >
      <span className={shared.mono}>{prefix}</span>
    </button>
  );
}
