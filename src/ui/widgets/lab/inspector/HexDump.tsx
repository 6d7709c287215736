/**
 * Bytes as Wireshark shows them: offset, 16 bytes a row in two groups of 8,
 * then the printable ASCII (others as "."). The bytes of the field in focus
 * are highlighted; hovering a byte tells the inspector which field it is.
 */
import type { MouseEvent } from "react";
import styles from "./PacketInspector.module.css";

export interface ByteSpan {
  readonly offset: number;
  readonly length: number;
}

interface HexDumpProps {
  readonly bytes: Uint8Array;
  readonly highlight: ByteSpan | null;
  /** Offsets of bytes in fields that changed since the previous capture. */
  readonly changed: ReadonlySet<number>;
  readonly onHoverByte: (offset: number | null) => void;
}

const ROW = 16;

const hex2 = (n: number) => n.toString(16).padStart(2, "0");
const printable = (n: number) => (n >= 0x20 && n < 0x7f ? String.fromCharCode(n) : ".");

export function HexDump({ bytes, highlight, changed, onHoverByte }: HexDumpProps) {
  const inSpan = (i: number) => highlight !== null && i >= highlight.offset && i < highlight.offset + highlight.length;
  const rows: number[] = [];
  for (let start = 0; start < bytes.length; start += ROW) rows.push(start);

  const onMouseOver = (event: MouseEvent<HTMLElement>) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-offset]");
    onHoverByte(target ? Number(target.dataset.offset) : null);
  };

  const cell = (i: number, text: string, kind: "byte" | "ascii") => (
    <span
      key={`${kind}${i}`}
      data-offset={i}
      {...(kind === "byte" ? { "data-byte": "" } : { "data-ascii": "" })}
      data-highlighted={inSpan(i) || undefined}
      className={[styles[kind], inSpan(i) ? styles.highlighted : "", changed.has(i) ? styles.changedByte : ""].join(" ")}
    >
      {text}
    </span>
  );

  return (
    // Focusable: the dump scrolls sideways in a narrow inspector, and the keyboard must be able to scroll it (WCAG 2.1.1).
    <div className={styles.hex} role="group" aria-label={`Hex dump, ${bytes.length} bytes`} tabIndex={0} onMouseOver={onMouseOver} onMouseLeave={() => onHoverByte(null)}>
      {rows.map((start) => {
        const row = [...bytes.subarray(start, start + ROW)];
        return (
          <div key={start} className={styles.hexRow}>
            <span className={styles.hexOffset}>{start.toString(16).padStart(4, "0")}</span>
            <span className={styles.hexBytes} aria-hidden="true">
              {row.slice(0, 8).map((b, j) => cell(start + j, hex2(b), "byte"))}
              <span className={styles.hexGap} />
              {row.slice(8).map((b, j) => cell(start + 8 + j, hex2(b), "byte"))}
              {/* A short last row keeps the ASCII column aligned. */}
              {Array.from({ length: ROW - row.length }, (_, j) => (
                <span key={`pad${j}`} className={styles.byte}>
                  {"  "}
                </span>
              ))}
            </span>
            <span className={styles.hexAscii} aria-hidden="true">
              {row.map((b, j) => cell(start + j, printable(b), "ascii"))}
            </span>
          </div>
        );
      })}
    </div>
  );
}
