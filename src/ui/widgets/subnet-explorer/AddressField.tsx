/**
 * The one text field: an address with a prefix or a mask. A rejected input
 * is explained right under it — the message, where it went wrong (the text
 * echoed with the bad part underlined and a caret), and what to try.
 */
import { useId } from "react";
import type { InputProblem, SubnetFacts } from "../../../sim/addr/explorer-types";
import { groupDigits } from "./format-count";
import shared from "./shared.module.css";
import styles from "./AddressField.module.css";

interface AddressFieldProps {
  value: string;
  onChange: (value: string) => void;
  problem: InputProblem | null;
  /** The facts shown below, summed up in one line while the input is accepted. */
  accepted: SubnetFacts | null;
}

export function AddressField({ value, onChange, problem, accepted }: AddressFieldProps) {
  const inputId = useId();
  const helpId = useId();
  const problemId = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={inputId} className={styles.label}>
        Address and prefix or mask
      </label>
      <input
        id={inputId}
        className={`${shared.field} ${styles.input}`}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${problemId} ${helpId}` : helpId}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
      />
      <p id={helpId} className={`${shared.hint} ${styles.help}`}>
        For example <code className={shared.mono}>10.0.3.7/16</code>,{" "}
        <code className={shared.mono}>192.168.1.9 255.255.255.0</code> or{" "}
        <code className={shared.mono}>2001:db8::/48</code>
      </p>
      {/* Always the same height, so the page does not jump when a problem comes and goes. */}
      <div id={problemId} className={styles.problemArea}>
        {problem ? <ProblemExplanation input={value} problem={problem} /> : accepted && <Accepted facts={accepted} />}
      </div>
    </div>
  );
}

function Accepted({ facts }: { facts: SubnetFacts }) {
  return (
    <p className={styles.accepted}>
      <span aria-hidden="true">✓ </span>
      <span className={shared.mono}>{facts.address}</span> is in <span className={shared.mono}>{facts.cidr}</span>,
      a block of {groupDigits(facts.totalAddresses)} {facts.totalAddresses === "1" ? "address" : "addresses"}.
    </p>
  );
}

function ProblemExplanation({ input, problem }: { input: string; problem: InputProblem }) {
  return (
    <>
      {problem.offset !== undefined && <ProblemLocation input={input} offset={problem.offset} />}
      <p className={shared.problem}>{problem.message}</p>
      {problem.hint && <p className={shared.hint}>{problem.hint}</p>}
    </>
  );
}

/** The input echoed with the offending token underlined and a caret under its start. */
function ProblemLocation({ input, offset }: { input: string; offset: number }) {
  const start = Math.min(Math.max(offset, 0), input.length);
  const end = start + offendingLength(input.slice(start));
  const bad = input.slice(start, end);
  return (
    <div className={styles.echo} aria-hidden="true">
      <span className={shared.mono}>
        {input.slice(0, start)}
        {/* At the very end the problem is something missing: mark the gap. */}
        <mark className={styles.bad}>{bad === "" ? "\u00a0" : bad}</mark>
        {input.slice(end)}
      </span>
      <span className={`${shared.mono} ${styles.caret}`}>
        {"\u00a0".repeat(start)}^
      </span>
    </div>
  );
}

/** How much to underline: the rest of the token (digits, letters) where the problem starts, at least one character. */
function offendingLength(rest: string): number {
  const token = /^[0-9A-Za-z]+/.exec(rest);
  return token ? token[0].length : Math.min(rest.length, 1);
}
