/**
 * A mermaid diagram from a ```mermaid fence. mermaid is large, so it is
 * imported only when a page actually shows a diagram; `securityLevel: strict`
 * keeps labels from carrying script or clickable links. The diagram follows
 * the page's light/dark theme.
 */
import { useEffect, useId, useState } from "react";
import type { Element } from "hast";
import { toString } from "hast-util-to-string";
import { useT } from "../../i18n/use-t";
import { useResolvedTheme } from "../../app/use-resolved-theme";
import styles from "./Mermaid.module.css";

type Drawn = { state: "loading" } | { state: "ready"; svg: string } | { state: "failed"; message: string };

/**
 * Diagram colours matching the design tokens (mermaid's "base" theme takes hex
 * values only). Chosen for WCAG AA contrast of labels — including edge labels,
 * which mermaid's stock dark theme renders too faintly.
 */
const MERMAID_THEMES = {
  light: {
    background: "#ffffff",
    primaryColor: "#dbeafe",
    primaryTextColor: "#1d1d1f",
    primaryBorderColor: "#1f5f99",
    secondaryColor: "#ffedd5",
    tertiaryColor: "#f1efe9",
    lineColor: "#55565b",
    textColor: "#1d1d1f",
    edgeLabelBackground: "#ffffff",
    clusterBkg: "#f1efe9",
    clusterBorder: "#d6d3cb",
  },
  dark: {
    background: "#1d2024",
    primaryColor: "#1e3a5f",
    primaryTextColor: "#e8e6e1",
    primaryBorderColor: "#7cb7f0",
    secondaryColor: "#4a2a12",
    tertiaryColor: "#262a30",
    lineColor: "#a7a9ae",
    textColor: "#e8e6e1",
    edgeLabelBackground: "#1d2024",
    clusterBkg: "#262a30",
    clusterBorder: "#3a3f46",
  },
} as const;

let renderQueue: Promise<unknown> = Promise.resolve();

/** mermaid keeps global configuration, so diagrams are drawn one at a time. */
function drawSerially<T>(job: () => Promise<T>): Promise<T> {
  const next = renderQueue.then(job, job);
  renderQueue = next.catch(() => undefined);
  return next;
}

export function Mermaid({ node, source: sourceProp }: { node?: Element; source?: string }) {
  const t = useT();
  const theme = useResolvedTheme();
  const source = sourceProp ?? (node ? toString(node) : "");
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [drawn, setDrawn] = useState<Drawn>({ state: "loading" });

  useEffect(() => {
    let current = true;
    drawSerially(async () => {
      const { default: mermaid } = await import("mermaid");
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: "base",
        themeVariables: MERMAID_THEMES[theme],
        fontFamily: "var(--wb-font-sans)",
      });
      return mermaid.render(`${id}-${theme}`, source);
    }).then(
      ({ svg }) => current && setDrawn({ state: "ready", svg }),
      (error: unknown) => current && setDrawn({ state: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [id, source, theme]);

  if (drawn.state === "failed") {
    return (
      <figure className={styles.figure} data-state="failed">
        <p role="alert" className={styles.error}>
          {t("mermaid.error", { message: drawn.message.split("\n")[0] ?? "" })}
        </p>
        <pre>
          <code>{source}</code>
        </pre>
      </figure>
    );
  }
  return (
    <figure className={styles.figure} data-state={drawn.state} aria-busy={drawn.state === "loading"}>
      {drawn.state === "loading" ? (
        <p className={styles.loading}>{t("mermaid.loading")}</p>
      ) : (
        // mermaid's strict mode sanitises its own SVG output (DOMPurify).
        <div className={styles.diagram} role="img" aria-label={summarize(source)} dangerouslySetInnerHTML={{ __html: drawn.svg }} />
      )}
    </figure>
  );
}

/** A short text alternative for the diagram: its node labels, in order of appearance. */
function summarize(source: string): string {
  const labels = [...source.matchAll(/\[\s*"?([^"\]]+)"?\s*\]|\(\s*"?([^")]+)"?\s*\)/g)]
    .map((m) => (m[1] ?? m[2] ?? "").trim())
    .filter(Boolean);
  const unique = [...new Set(labels)].slice(0, 12);
  return unique.length > 0 ? `Diagram: ${unique.join(", ")}` : "Diagram";
}
