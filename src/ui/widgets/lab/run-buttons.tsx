/**
 * "Run" buttons under the lesson's command blocks (rule in
 * run-buttons-rule.ts). The lab finds its blocks in the rendered page and
 * portals a button after each one; the lesson pipeline and its tree stay as
 * they are. Labs on a page rescan when one mounts or unmounts, so each block
 * has exactly one owner whatever order the lazy labs arrive in.
 */
import { useEffect, useState } from "react";
import type { RefObject } from "react";
import { createPortal } from "react-dom";
import { blocksOwnedBy, runButtonName, type RunnableBlock } from "./run-buttons-rule";
import styles from "./run-buttons.module.css";

/** Fired on the document when a lab appears or goes: every lab rescans. */
const LABS_CHANGED = "wirebook:labs-changed";

interface Target {
  readonly slot: HTMLElement;
  readonly block: RunnableBlock;
}

export interface RunButtonsProps {
  /** The lab's root element (it carries LAB_ATTRIBUTE). */
  lab: RefObject<HTMLElement | null>;
  /** The lab's terminal tabs: a block for another host gets a disabled button saying so. */
  hosts: readonly string[];
  /** The lab is open and can take commands. */
  ready: boolean;
  onRun(host: string, commands: readonly string[]): void;
}

export function RunButtons({ lab, hosts, ready, onRun }: RunButtonsProps) {
  const [targets, setTargets] = useState<readonly Target[]>([]);

  useEffect(() => {
    const root = lab.current;
    if (!root) return;
    const doc = root.ownerDocument;
    const scope = root.closest("article") ?? doc.body;
    let slots: HTMLElement[] = [];
    const scan = () => {
      for (const slot of slots) slot.remove();
      const found = blocksOwnedBy(root, scope).map(({ code, block }) => {
        const slot = doc.createElement("div");
        slot.className = styles.slot ?? "";
        (code.parentElement ?? code).after(slot);
        return { slot, block };
      });
      slots = found.map((target) => target.slot);
      setTargets(found);
    };
    doc.addEventListener(LABS_CHANGED, scan);
    doc.dispatchEvent(new Event(LABS_CHANGED));
    return () => {
      doc.removeEventListener(LABS_CHANGED, scan);
      for (const slot of slots) slot.remove();
      // After React has taken this lab out of the page, so the others no longer count it.
      setTimeout(() => doc.dispatchEvent(new Event(LABS_CHANGED)), 0);
    };
  }, [lab]);

  return targets.map(({ slot, block }) => {
    const known = hosts.includes(block.host);
    return createPortal(
      <button
        type="button"
        className={styles.run}
        disabled={!ready || !known}
        aria-label={known ? runButtonName(block) : `${runButtonName(block)} — this lab has no terminal on ${block.host}`}
        onClick={() => onRun(block.host, block.commands)}
      >
        <span aria-hidden="true">▶ </span>Run in {block.host}
      </button>,
      slot,
    );
  });
}
