/** First, back, play/pause, forward, last, speed, the timeline over events, "step N/M", and the link to this step. */
import type { ReactNode } from "react";
import styles from "./PlaybackControls.module.css";

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface PlaybackControlsProps {
  position: number;
  total: number;
  playing: boolean;
  speed: number;
  onPlay(playing: boolean): void;
  onSeek(position: number): void;
  onSpeed(speed: number): void;
  children?: ReactNode;
}

export function PlaybackControls({ position, total, playing, speed, onPlay, onSeek, onSpeed, children }: PlaybackControlsProps) {
  const empty = total === 0;
  const last = Math.max(total - 1, 0);
  return (
    <div className={styles.controls} role="group" aria-label="Playback">
      <button type="button" className={styles.button} onClick={() => onSeek(0)} disabled={empty || position <= 0} aria-label="First event">
        |◀◀
      </button>
      <button type="button" className={styles.button} onClick={() => onSeek(position - 1)} disabled={empty || position <= 0} aria-label="Step back">
        ◀|
      </button>
      <button
        type="button"
        className={`${styles.button} ${styles.play}`}
        onClick={() => onPlay(!playing)}
        disabled={empty}
        aria-label={playing ? "Pause" : "Play"}
      >
        {playing ? "❚❚" : "▶"}
      </button>
      <button type="button" className={styles.button} onClick={() => onSeek(position + 1)} disabled={empty || position >= last} aria-label="Step forward">
        |▶
      </button>
      <button type="button" className={styles.button} onClick={() => onSeek(last)} disabled={empty || position >= last} aria-label="Last event">
        ▶▶|
      </button>
      <label className={styles.speed}>
        <span>speed</span>
        <select value={speed} onChange={(event) => onSpeed(Number(event.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        className={styles.timeline}
        min={0}
        max={last}
        value={Math.max(position, 0)}
        disabled={empty}
        onChange={(event) => onSeek(Number(event.target.value))}
        aria-label="Timeline"
        aria-valuetext={empty ? "no events" : `event ${position + 1} of ${total}`}
      />
      <span className={styles.counter} aria-hidden="true">
        step {empty ? 0 : position + 1}/{total}
      </span>
      {children}
    </div>
  );
}
