/**
 * The subnet explorer: type an address, see its bits and facts, split and
 * join the block like a visual subnet calculator, borrow bits for N subnets,
 * toggle AWS reservations — all kept in the URL so a link reproduces it.
 *
 * This component holds state and wiring only. Every address it shows comes
 * from the simulator (`useSimApi()`), which runs in a worker.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { BorrowPlan, InputProblem, SplitLeaf, SplitNode } from "../../../sim/addr/explorer-types";
import { useUrlState } from "../../hooks/use-url-state";
import { useSimApi } from "../../sim/sim-context";
import { AddressField } from "./AddressField";
import { BitsView } from "./BitsView";
import { BorrowHelper } from "./BorrowHelper";
import { CloudSwitch } from "./CloudSwitch";
import { CopyLinkButton } from "./CopyLinkButton";
import { DEFAULT_NAMESPACE, defaultsFromProps, explorerCodecs } from "./explorer-state";
import type { SubnetExplorerProps } from "./explorer-state";
import { FactsList } from "./FactsList";
import { SimNotice } from "./SimNotice";
import { splitEvenly } from "./split-evenly";
import { SplitTable } from "./SplitTable";
import type { FocusRequest } from "./SplitTable";
import { leavesOf, splitAfterDividing, splitAfterJoining, splitBlocker, splitsUnder } from "./split-tree";
import { useSimQuery } from "./use-sim-query";
import type { SimFailure, SimQuery } from "./use-sim-query";
import shared from "./shared.module.css";
import styles from "./SubnetExplorer.module.css";
import hidden from "../../styles/visually-hidden.module.css";

export function SubnetExplorer({ id, cidr, cloud, borrow, split }: SubnetExplorerProps) {
  const api = useSimApi();
  const titleId = useId();
  const defaults = useMemo(() => defaultsFromProps({ cidr, cloud, borrow, split }), [cidr, cloud, borrow, split]);
  const [state, update, getLink] = useUrlState(id ?? DEFAULT_NAMESPACE, defaults, explorerCodecs);
  const options = { cloud: state.cloud };

  const describe = useSimQuery({ input: state.cidr, ...options }, (r) => api.describeSubnet(r.input, { cloud: r.cloud }));
  const facts = describe.value;
  const root = facts?.cidr ?? null;

  const planQuery = useSimQuery(root === null ? null : { root, split: splitsUnder(root, state.split), ...options }, (r) =>
    api.planSplits(r.root, r.split, { cloud: r.cloud }),
  );
  const plan = planQuery.value;

  // The borrow helper asks about the text whose facts are shown: a bare
  // textbook address ("211.168.83.0") is divided as its classful network,
  // which only the simulator knows how to read.
  const describedInput = describe.valueFor?.input ?? null;
  const borrowQuery = useSimQuery(
    describedInput === null || state.borrow === null ? null : { network: describedInput, wanted: state.borrow },
    (r) => api.planBorrow(r.network, r.wanted),
  );
  const borrowPlan =
    state.borrow !== null && borrowQuery.valueFor?.network === describedInput ? borrowQuery.value : null;

  const { announcement, announce } = useAnnouncer();
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const focusSerial = useRef(0);
  const requestFocus = (cidr: string) => setFocus({ cidr, serial: ++focusSerial.current });

  // A split is announced (and focus moved to its first half) once the plan that contains it arrives.
  const awaitedSplit = useRef<string | null>(null);
  useEffect(() => {
    const divided = awaitedSplit.current;
    const node = divided === null ? undefined : plan?.nodes.find((n) => n.cidr === divided);
    if (!plan || !node) return;
    awaitedSplit.current = null;
    const halves = leavesOf(plan, node).map((leaf) => leaf.cidr);
    announce(`Split ${node.cidr} into ${halves.length === 2 ? halves.join(" and ") : `${halves.length} subnets`}`);
    if (halves[0]) requestFocus(halves[0]);
  }, [plan, announce]);

  const onSplit = (leaf: SplitLeaf) => {
    if (!plan) return;
    const blocker = splitBlocker(plan, leaf, state.cloud);
    if (blocker) {
      announce(blocker);
      return;
    }
    awaitedSplit.current = leaf.cidr;
    update({ split: splitAfterDividing(plan, leaf) });
  };

  const onJoin = (node: SplitNode) => {
    if (!plan) return;
    const merged = leavesOf(plan, node).map((leaf) => leaf.cidr);
    update({ split: splitAfterJoining(plan, node) });
    announce(`Joined ${merged.length === 2 ? merged.join(" and ") : `${merged.length} subnets`} back into ${node.cidr}`);
    requestFocus(node.cidr);
  };

  const [applying, setApplying] = useState(false);
  const [applyProblem, setApplyProblem] = useState<InputProblem | null>(null);
  const onApply = (borrowed: BorrowPlan) => {
    setApplying(true);
    setApplyProblem(null);
    splitEvenly(api, borrowed.network, borrowed.borrowedBits, options)
      .then((result) => {
        if (!result.ok) {
          setApplyProblem(result.problem);
          return;
        }
        // A classful default becomes explicit, so the table has the right root.
        update({ split: result.value, ...(borrowed.network === root ? {} : { cidr: borrowed.network }) });
        announce(`Divided ${borrowed.network} into ${borrowed.subnetsMade} subnets of /${borrowed.newPrefix}`);
      })
      .catch(() => setApplyProblem({ message: "The simulator restarted before it finished.", hint: "Press the button again." }))
      .finally(() => setApplying(false));
  };

  const queries = [describe, planQuery, borrowQuery];
  const stale = describe.problem !== null && facts !== null;

  return (
    <section className={styles.explorer} aria-labelledby={titleId} data-explorer-id={id ?? DEFAULT_NAMESPACE}>
      <header className={styles.header}>
        <p id={titleId} className={styles.title}>
          Subnet explorer
        </p>
        <CloudSwitch checked={state.cloud} onChange={(on) => update({ cloud: on })} />
      </header>

      <AddressField
        value={state.cidr}
        onChange={(text) => update({ cidr: text })}
        problem={describe.problem}
        accepted={facts}
      />
      <SimNotice failure={worstFailure(queries)} onRetry={() => queries.forEach((q) => q.failure && q.retry())} />

      <div className={styles.resultsFrame}>
        {/* Over the dimmed results rather than above them, so nothing moves. */}
        {stale && facts && (
          <p className={styles.staleNote}>
            Still showing <span className={shared.mono}>{`${facts.address}/${facts.prefix}`}</span>, the last valid
            input
          </p>
        )}
        <div className={`${styles.results} ${stale ? styles.dimmed : ""}`} aria-busy={describe.pending}>
        <div className={facts?.family === 6 ? styles.bitsArea6 : styles.bitsArea4}>
          {facts && (
            <BitsView
              facts={facts}
              borrowed={
                borrowPlan && borrowPlan.network === root
                  ? { from: borrowPlan.newPrefix - borrowPlan.borrowedBits, to: borrowPlan.newPrefix }
                  : null
              }
            />
          )}
        </div>
        <FactsList facts={facts} />
        </div>
      </div>

      <div className={`${styles.panel} ${stale ? styles.dimmed : ""}`}>
        <BorrowHelper
          wanted={state.borrow}
          onWantedChange={(wanted) => update({ borrow: wanted })}
          plan={borrowPlan}
          describedBlock={root}
          cloud={state.cloud}
          problem={borrowQuery.problem}
          onApply={onApply}
          applying={applying}
          applyProblem={applyProblem}
        />
      </div>

      <div className={`${styles.tableArea} ${stale || planQuery.problem ? styles.dimmed : ""}`}>
        {plan && <SplitTable plan={plan} cloud={state.cloud} onSplit={onSplit} onJoin={onJoin} focus={focus} />}
      </div>
      {planQuery.problem && (
        <div className={styles.tableProblem}>
          <p className={shared.problem}>{planQuery.problem.message}</p>
          {planQuery.problem.hint && <p className={shared.hint}>{planQuery.problem.hint}</p>}
        </div>
      )}

      <footer className={styles.footer}>
        <CopyLinkButton getLink={getLink} />
      </footer>
      <p role="status" className={hidden.visuallyHidden}>
        {announcement}
      </p>
    </section>
  );
}

function worstFailure(queries: readonly SimQuery<unknown>[]): SimFailure | null {
  if (queries.some((q) => q.failure === "failed")) return "failed";
  if (queries.some((q) => q.failure === "retrying")) return "retrying";
  return null;
}

/** Text for the polite live region; saying the same thing twice still gets read out. */
function useAnnouncer() {
  const [message, setMessage] = useState({ text: "", serial: 0 });
  const announce = useMemo(
    () => (text: string) => setMessage((previous) => ({ text, serial: previous.serial + 1 })),
    [],
  );
  // A trailing no-break space on every other message makes a repeat a change.
  return { announcement: message.text + (message.serial % 2 ? "\u00a0" : ""), announce };
}
