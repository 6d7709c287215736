/**
 * "How many subnets do you need?": the classic exercise of borrowing host
 * bits. Shows how many bits are borrowed, the new prefix and mask, how many
 * subnets of how many hosts that makes, and the subnets themselves; "Use
 * these subnets" puts them in the split table.
 */
import { useId, useState } from "react";
import type { BorrowPlan, InputProblem } from "../../../sim/addr/explorer-types";
import { MAX_SUBNETS_WANTED } from "./explorer-state";
import { groupDigits } from "./format-count";
import { MAX_ROWS } from "./split-tree";
import shared from "./shared.module.css";
import styles from "./BorrowHelper.module.css";

interface BorrowHelperProps {
  wanted: number | null;
  onWantedChange: (wanted: number | null) => void;
  /** The plan for the current network and count (the last good one while a new one computes). */
  plan: BorrowPlan | null;
  /** The block the facts describe; a plan for another network means the simulator read a classful default. */
  describedBlock: string | null;
  /** Cloud mode: the plan's host counts are before AWS's reservations. */
  cloud: boolean;
  problem: InputProblem | null;
  onApply: (plan: BorrowPlan) => void;
  applying: boolean;
  applyProblem: InputProblem | null;
}

export function BorrowHelper(props: BorrowHelperProps) {
  const { wanted, onWantedChange, plan, describedBlock, cloud, problem, onApply, applying, applyProblem } = props;
  const inputId = useId();
  const problemId = useId();
  // The field keeps what was typed, even when it is not (yet) a valid count.
  const [draft, setDraft] = useState(wanted === null ? "" : String(wanted));
  const [shownWanted, setShownWanted] = useState(wanted);
  if (wanted !== shownWanted) {
    // The count changed from outside (back button): show it.
    setShownWanted(wanted);
    setDraft(wanted === null ? "" : String(wanted));
  }

  const draftProblem = checkDraft(draft);
  const shownProblem: InputProblem | null = draftProblem ?? (wanted !== null ? problem : null);

  const onInput = (text: string) => {
    setDraft(text);
    const count = checkDraft(text) ? null : text.trim() === "" ? null : Number(text);
    setShownWanted(count);
    onWantedChange(count);
  };

  return (
    <div className={styles.helper}>
      <label htmlFor={inputId} className={styles.label}>
        How many subnets do you need?
      </label>
      <input
        id={inputId}
        className={`${shared.field} ${styles.count}`}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_SUBNETS_WANTED}
        step={1}
        value={draft}
        onChange={(event) => onInput(event.target.value)}
        aria-invalid={shownProblem !== null}
        aria-describedby={shownProblem ? problemId : undefined}
      />
      <div id={problemId} className={styles.problemArea}>
        {shownProblem && (
          <>
            <p className={shared.problem}>{shownProblem.message}</p>
            {shownProblem.hint && <p className={shared.hint}>{shownProblem.hint}</p>}
          </>
        )}
      </div>
      {plan && wanted !== null && !draftProblem && (
        <BorrowResult
          plan={plan}
          classfulFrom={plan.network === describedBlock ? null : describedBlock}
          cloud={cloud}
          dimmed={shownProblem !== null}
          onApply={onApply}
          applying={applying}
        />
      )}
      {applyProblem && (
        <div role="alert" className={styles.applyProblem}>
          <p className={shared.problem}>{applyProblem.message}</p>
          {applyProblem.hint && <p className={shared.hint}>{applyProblem.hint}</p>}
        </div>
      )}
    </div>
  );
}

function checkDraft(text: string): InputProblem | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    return { message: "Enter a whole number of subnets, 1 or more." };
  }
  if (Number(trimmed) > MAX_SUBNETS_WANTED) {
    return { message: `This helper goes up to ${groupDigits(String(MAX_SUBNETS_WANTED))} subnets.` };
  }
  return null;
}

interface BorrowResultProps {
  plan: BorrowPlan;
  /** The typed block when the plan divides its classful network instead. */
  classfulFrom: string | null;
  cloud: boolean;
  dimmed: boolean;
  onApply: (plan: BorrowPlan) => void;
  applying: boolean;
}

function BorrowResult({ plan, classfulFrom, cloud, dimmed, onApply, applying }: BorrowResultProps) {
  const listId = useId();
  const reasonId = useId();
  const oldPrefix = plan.newPrefix - plan.borrowedBits;
  const tooMany = BigInt(plan.subnetsMade) > BigInt(MAX_ROWS);
  const blocker = tooMany ? `The split table shows at most ${MAX_ROWS} rows.` : null;
  return (
    <div className={`${styles.result} ${dimmed ? styles.dimmed : ""}`}>
      {classfulFrom && (
        <p className={styles.note}>
          No prefix was given, so the textbook reading applies: <span className={shared.mono}>{plan.network}</span>,
          the address&rsquo;s classful network (a historic default), is divided. &ldquo;Use these subnets&rdquo; writes
          the prefix into the address field.
        </p>
      )}
      <p className={styles.summary}>
        Borrow <strong>{plan.borrowedBits}</strong> host {plan.borrowedBits === 1 ? "bit" : "bits"}:{" "}
        <span className={shared.mono}>/{oldPrefix}</span> → <strong className={shared.mono}>/{plan.newPrefix}</strong>
        , mask <strong className={shared.mono}>{plan.newMask}</strong>
      </p>
      <p className={styles.summary}>
        <strong className={shared.mono}>{groupDigits(plan.subnetsMade)}</strong>{" "}
        {plan.subnetsMade === "1" ? "subnet" : "subnets"} ×{" "}
        <strong className={shared.mono}>{groupDigits(plan.hostsPerSubnet)}</strong> usable hosts each
        {cloud && <span className={styles.note}> (before AWS reserves 5 in each; the table shows what is left)</span>}
        {plan.subnetsMade !== String(plan.subnetsWanted) && (
          <span className={styles.note}> (you asked for {groupDigits(String(plan.subnetsWanted))}; subnets come in powers of two)</span>
        )}
      </p>
      <p id={listId} className={styles.listTitle}>
        {plan.subnets.length < Number(plan.subnetsMade)
          ? `The first ${plan.subnets.length} of ${groupDigits(plan.subnetsMade)} subnets`
          : "The subnets"}
      </p>
      <ol className={styles.list} aria-labelledby={listId} tabIndex={0}>
        {plan.subnets.map((subnet) => (
          <li key={subnet} className={shared.mono}>
            {subnet}
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <button
          type="button"
          className={`${shared.button} ${shared.primary}`}
          aria-disabled={blocker || applying ? true : undefined}
          aria-describedby={blocker ? reasonId : undefined}
          title={blocker ?? undefined}
          onClick={() => {
            if (!blocker && !applying) onApply(plan);
          }}
        >
          {applying ? "Dividing…" : "Use these subnets"}
        </button>
        {blocker && (
          <span id={reasonId} className={styles.note}>
            {blocker}
          </span>
        )}
      </div>
    </div>
  );
}
