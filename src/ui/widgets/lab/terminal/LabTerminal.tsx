/**
 * A bash-like terminal on one lab host, drawn by xterm (loaded lazily). The
 * editing, history, completion and run loop live in TerminalSession and the
 * line editor; this component only connects them to xterm and to the page's
 * theme. If xterm cannot load or draw, a plain text terminal takes over.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { FallbackTerminal } from "./FallbackTerminal";
import { loadXterm } from "./load-xterm";
import type { LabTerminalProps } from "./terminal-props";
import { TerminalSession, type TerminalBackend } from "./terminal-session";
import { monoFont, themeFromTokens } from "./xterm-theme";
import styles from "./LabTerminal.module.css";

type Mode = "loading" | "xterm" | "fallback";

/** Bracketed paste on (DECSET 2004): a paste arrives marked, so its lines are run one by one. */
const BRACKETED_PASTE_ON = "\x1b[?2004h";

export function LabTerminal(props: LabTerminalProps) {
  const { host, prompt, busy } = props;
  const screenRef = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<TerminalSession | null>(null);
  const [mode, setMode] = useState<Mode>("loading");
  const hintId = useId();

  // The session calls whatever callbacks the latest render passed.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = screenRef.current;
    if (!element) return;
    let disposed = false;
    let teardown = () => {};
    loadXterm().then(
      ({ Terminal, FitAddon }) => {
        if (disposed) return;
        try {
          const term = new Terminal({
            screenReaderMode: true,
            cursorBlink: true,
            fontFamily: monoFont(element),
            fontSize: 14,
            scrollback: 5000,
            theme: themeFromTokens(element),
          });
          const fit = new FitAddon();
          term.loadAddon(fit);
          term.open(element);
          const refit = () => {
            try {
              fit.fit();
            } catch {
              // Not measurable (hidden, or no layout): keep the last size.
            }
          };
          refit();
          // Tab completes in the terminal; Escape then Tab leaves it (so the keyboard is never trapped).
          let escaped = false;
          term.attachCustomKeyEventHandler((event) => {
            if (event.type !== "keydown") return true;
            if (event.key === "Tab" && escaped) return false;
            escaped = event.key === "Escape";
            return true;
          });
          const backend: TerminalBackend = {
            run: (line) => latest.current.run(line),
            resume: () => latest.current.resume(),
            complete: (partial) => latest.current.complete(partial),
            interrupt: () => latest.current.interrupt(),
          };
          const session = new TerminalSession((data) => term.write(data), backend, {
            prompt: latest.current.prompt,
            columns: term.cols,
            busy: latest.current.busy,
          });
          sessionRef.current = session;
          term.write(BRACKETED_PASTE_ON);
          const data = term.onData((d) => session.input(d));
          const resized = term.onResize(({ cols }) => session.resize(cols));
          session.start();

          const resizeObserver = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(refit);
          resizeObserver?.observe(element);
          // Follow the page's theme: the nearest data-theme (or the root's) decides the tokens.
          const themed = element.closest("[data-theme]") ?? document.documentElement;
          const themeObserver = new MutationObserver(() => {
            term.options.theme = themeFromTokens(element);
          });
          themeObserver.observe(themed, { attributes: true, attributeFilter: ["data-theme"] });
          if (themed !== document.documentElement) themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

          setMode("xterm");
          latest.current.onReady?.({ type: (line) => session.type(line) });
          teardown = () => {
            resizeObserver?.disconnect();
            themeObserver.disconnect();
            data.dispose();
            resized.dispose();
            session.dispose();
            sessionRef.current = null;
            term.dispose();
          };
        } catch {
          if (!disposed) setMode("fallback");
        }
      },
      () => {
        if (!disposed) setMode("fallback");
      },
    );
    return () => {
      disposed = true;
      teardown();
    };
  }, []);

  useEffect(() => {
    sessionRef.current?.setBusy(busy);
  }, [busy, mode]);
  useEffect(() => {
    sessionRef.current?.setPrompt(prompt);
  }, [prompt, mode]);

  const label = `Terminal on ${host}`;
  if (mode === "fallback") {
    return (
      <div className={styles.terminal} role="group" aria-label={label}>
        <FallbackTerminal {...props} />
      </div>
    );
  }
  return (
    <div className={styles.terminal} role="group" aria-label={label} aria-describedby={hintId} aria-busy={mode === "loading" || busy}>
      {mode === "loading" && <p className={styles.loading}>Starting the terminal…</p>}
      <div ref={screenRef} className={styles.screen} data-terminal-screen="" />
      <p id={hintId} className={styles.hint}>
        Tab completes; press Esc then Tab to leave the terminal.
      </p>
    </div>
  );
}
