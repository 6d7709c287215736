/**
 * The netfilter view: one host's kernel packet path as the classic diagram,
 * the packet at the playhead lit through it, the rule that decided it with
 * its counters, and a NAT rewrite as a before/after diff. A sentence says
 * the same in words (polite live region). It only shows what the simulator
 * reports: the tables at the playhead (`HostTables.netfilter`) and the
 * packet's pass (`labNetfilterPass`).
 */
import { useState } from "react";
import type { NetfilterPass, NetfilterSnapshot } from "../../../sim/shell/exec/lab-netfilter-state-types";
import { useT } from "../../i18n/use-t";
import { ChainRules } from "./ChainRules";
import { NatDiff } from "./NatDiff";
import { NetfilterDiagram, type ChainRef } from "./NetfilterDiagram";
import { decidingTraversal, findChain } from "./pass-reading";
import { passSentence } from "./pass-sentence";
import styles from "./NetfilterView.module.css";

export interface NetfilterViewProps {
  readonly host: string;
  /** The host's tables at the playhead; null while they load. */
  readonly snapshot: NetfilterSnapshot | null;
  /** The latest packet at the playhead; null when none has reached the host, undefined while loading. */
  readonly pass: NetfilterPass | null | undefined;
  /** The log's words for the drop that ended the pass, if it was dropped. */
  readonly dropWords?: string;
  /** The lab has no such host (the lesson names one its script never creates). */
  readonly missing?: boolean;
}

export function NetfilterView({ host, snapshot, pass, dropWords, missing = false }: NetfilterViewProps) {
  const t = useT();
  const [picked, setPicked] = useState<ChainRef | null>(null);
  const deciding = pass ? decidingTraversal(pass) : null;
  const followed: ChainRef | null = deciding ? { table: deciding.table, chain: deciding.chain } : null;
  const selected = picked ?? followed ?? { table: "filter", chain: "FORWARD" };
  const chain = snapshot ? findChain(snapshot, selected.table, selected.chain) : undefined;
  const decidedHere = deciding && deciding.table === selected.table && deciding.chain === selected.chain ? deciding : null;
  const sentence = pass && snapshot ? passSentence(t, pass, snapshot, dropWords) : "";

  return (
    <section className={styles.view} aria-label={t("netfilter.title", { host })} data-testid="netfilter-view">
      <h4 className={styles.heading}>{t("netfilter.title", { host })}</h4>
      <p className={styles.sentence} aria-live="polite" data-testid="netfilter-sentence">
        {missing ? t("netfilter.noHost", { host }) : snapshot === null ? t("netfilter.loading", { host }) : pass === null ? t("netfilter.noPacket", { host }) : sentence}
      </p>
      {snapshot && (
        <>
          <NetfilterDiagram host={host} snapshot={snapshot} pass={pass ?? null} selected={selected} onSelect={setPicked} />
          <div className={styles.details}>
            <div className={styles.detail}>
              {chain && <ChainRules table={selected.table} chain={chain} decided={decidedHere} />}
              {picked !== null && followed !== null && (picked.table !== followed.table || picked.chain !== followed.chain) && (
                <button type="button" className={styles.follow} onClick={() => setPicked(null)}>
                  {t("netfilter.rules.follow")}
                </button>
              )}
            </div>
            {pass && pass.rewrites.length > 0 && (
              <div className={styles.detail}>
                {pass.rewrites.map((rewrite) => (
                  <NatDiff key={rewrite.event} rewrite={rewrite} />
                ))}
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
