/**
 * The terminal without xterm (it failed to load, or cannot draw here): the
 * output as text and a plain command field. Same run/continuation/history
 * behaviour, fewer keys.
 */
import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { emptyHistory, newer, older, remember } from "./history";
import { CONTINUATION_PROMPT } from "./terminal-session";
import type { LabTerminalProps } from "./terminal-props";
import styles from "./LabTerminal.module.css";
import hidden from "../../../styles/visually-hidden.module.css";

interface Chunk {
  readonly text: string;
  readonly error: boolean;
}

export function FallbackTerminal({ host, prompt, run, interrupt, busy, onReady }: LabTerminalProps) {
  const [chunks, setChunks] = useState<Chunk[]>([]);
  const [line, setLine] = useState("");
  const [continued, setContinued] = useState<string[]>([]);
  const [history, setHistory] = useState(emptyHistory);
  const [running, setRunning] = useState(false);
  const submitRef = useRef<(text: string) => void>(() => undefined);

  const submit = (text: string) => {
    const shown = (continued.length > 0 ? CONTINUATION_PROMPT : prompt) + text + "\n";
    setChunks((c) => [...c, { text: shown, error: false }]);
    setHistory((h) => remember(h, text));
    setLine("");
    setRunning(true);
    run([...continued, text].join("\n")).then(
      (result) => {
        setContinued(result.incomplete ? [...continued, text] : []);
        setChunks((c) => [...c, { text: result.stdout, error: false }, { text: result.stderr, error: true }].filter((x) => x.text));
        setRunning(false);
      },
      (error: unknown) => {
        setContinued([]);
        setChunks((c) => [...c, { text: `wirebook: the simulator did not answer (${String(error)})\n`, error: true }]);
        setRunning(false);
      },
    );
  };

  useEffect(() => {
    submitRef.current = submit;
  });
  useEffect(() => {
    onReady?.({ type: (text) => submitRef.current(text) });
    // Handed out once: the lesson keeps the function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" && !running && !busy) {
      event.preventDefault();
      submit(line);
    } else if (event.key === "c" && event.ctrlKey && (running || busy)) {
      event.preventDefault();
      void interrupt();
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const step = event.key === "ArrowUp" ? older(history, line) : newer(history);
      if (step) {
        setHistory(step.history);
        setLine(step.line);
      }
    }
  };

  return (
    <div className={styles.fallback}>
      <pre className={styles.fallbackOutput} aria-live="polite">
        {chunks.map((chunk, i) => (
          <span key={i} className={chunk.error ? styles.stderr : undefined}>
            {chunk.text}
          </span>
        ))}
      </pre>
      <label className={styles.fallbackLine}>
        <span className={styles.fallbackPrompt}>{continued.length > 0 ? CONTINUATION_PROMPT : prompt}</span>
        <span className={hidden.visuallyHidden}>Command on {host}</span>
        <input
          className={styles.fallbackInput}
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-busy={running || busy}
        />
      </label>
    </div>
  );
}
