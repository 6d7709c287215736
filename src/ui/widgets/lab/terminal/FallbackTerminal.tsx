/**
 * The terminal without xterm (it failed to load, or cannot draw here): the
 * output as text and a plain command field. Same run/continuation/history
 * behaviour, fewer keys.
 */
import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { emptyHistory, newer, older, remember } from "./history";
import { CONTINUATION_PROMPT, STREAM_INTERVAL_MS, type RunResult } from "./terminal-session";
import type { LabTerminalProps } from "./terminal-props";
import styles from "./LabTerminal.module.css";
import hidden from "../../../styles/visually-hidden.module.css";

interface Chunk {
  readonly text: string;
  readonly error: boolean;
}

export function FallbackTerminal({ host, prompt, run, resume, interrupt, busy, onReady }: LabTerminalProps) {
  const [chunks, setChunks] = useState<Chunk[]>([]);
  const [line, setLine] = useState("");
  const [continued, setContinued] = useState<string[]>([]);
  const [history, setHistory] = useState(emptyHistory);
  const [running, setRunning] = useState(false);
  const submitRef = useRef<(text: string) => void>(() => undefined);
  /** The wait before the next slice of a running command, and whether Ctrl-C stopped it. */
  const nextSlice = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const interrupted = useRef(false);
  useEffect(() => () => clearTimeout(nextSlice.current), []);

  const show = (result: RunResult) =>
    setChunks((c) => [...c, { text: result.stdout, error: false }, { text: result.stderr, error: true }].filter((x) => x.text));

  /** Shows each slice as it comes; a command still running gets its next slice a moment later (it streams). */
  const follow = (pending: Promise<RunResult>, first?: (result: RunResult) => void) => {
    pending.then(
      (result) => {
        first?.(result);
        show(result);
        if (result.running && !result.incomplete && !interrupted.current) {
          nextSlice.current = setTimeout(() => follow(resume()), STREAM_INTERVAL_MS);
        } else if (!interrupted.current) {
          setRunning(false);
        }
      },
      (error: unknown) => {
        setContinued([]);
        setChunks((c) => [...c, { text: `wirebook: the simulator did not answer (${String(error)})\n`, error: true }]);
        setRunning(false);
      },
    );
  };

  const submit = (text: string) => {
    const shown = (continued.length > 0 ? CONTINUATION_PROMPT : prompt) + text + "\n";
    setChunks((c) => [...c, { text: shown, error: false }]);
    setHistory((h) => remember(h, text));
    setLine("");
    setRunning(true);
    interrupted.current = false;
    follow(run([...continued, text].join("\n")), (result) => setContinued(result.incomplete ? [...continued, text] : []));
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
      clearTimeout(nextSlice.current);
      interrupted.current = true;
      setChunks((c) => [...c, { text: "^C\n", error: false }]);
      void interrupt().then(
        (result) => {
          if (result) show(result);
          setRunning(false);
        },
        () => setRunning(false),
      );
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
