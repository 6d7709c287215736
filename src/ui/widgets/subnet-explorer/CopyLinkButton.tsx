/**
 * "Copy link": puts the URL that reproduces this widget on the clipboard and
 * says so. Where the clipboard is unavailable (insecure page, permission
 * denied) the link is shown selected in a field, ready for Ctrl+C.
 */
import { useEffect, useRef, useState } from "react";
import shared from "./shared.module.css";
import styles from "./CopyLinkButton.module.css";

/** How long "Copied" stays visible. */
const CONFIRMATION_MS = 2000;

type CopyState = { kind: "idle" } | { kind: "copied" } | { kind: "manual"; href: string };

export function CopyLinkButton({ getLink }: { getLink: () => string }) {
  const [state, setState] = useState<CopyState>({ kind: "idle" });
  const fallback = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === "copied") {
      const timer = setTimeout(() => setState({ kind: "idle" }), CONFIRMATION_MS);
      return () => clearTimeout(timer);
    }
    if (state.kind === "manual") fallback.current?.select();
  }, [state]);

  const copy = async () => {
    const href = getLink();
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(href);
      setState({ kind: "copied" });
    } catch {
      setState({ kind: "manual", href });
    }
  };

  return (
    <div className={styles.copy}>
      <button type="button" className={shared.button} onClick={copy}>
        Copy link
      </button>
      <span role="status" className={styles.status}>
        {state.kind === "copied" ? "Copied" : ""}
      </span>
      {state.kind === "manual" && (
        <label className={styles.manual}>
          <span>Copy this link:</span>
          <input ref={fallback} className={`${shared.field} ${styles.manualField}`} readOnly value={state.href} />
        </label>
      )}
    </div>
  );
}
