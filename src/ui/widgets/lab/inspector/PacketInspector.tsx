/**
 * The packet inspector: a frame as the simulator decodes it — tcpdump's
 * summary line, the layers as collapsible sections of fields, and the hex
 * dump beside them, linked both ways (a field lights its bytes, a byte its
 * field). Given the previous capture of the same packet, fields that changed
 * (TTL, MACs, checksums, NAT rewrites) show old → new.
 */
import { useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import type { DecodedField, DecodedLayer, LayerProtocol } from "../../../../sim/wire/decoded-frame";
import type { FieldChange } from "../../../../sim/wire/frame-diff";
import { fieldAtByte, fieldId } from "./field-at-byte";
import { HexDump, type ByteSpan } from "./HexDump";
import { useDecodedFrame } from "./use-decoded-frame";
import styles from "./PacketInspector.module.css";
import hidden from "../../../styles/visually-hidden.module.css";

export interface PacketInspectorProps {
  bytes: Uint8Array;
  /** "ethernet" (default) or "ipv4" for a bare packet. */
  format?: string;
  /** The same packet captured earlier (the hop before, or before NAT). */
  previous?: { bytes: Uint8Array; format?: string };
}

/** Short names beside the colour, so the protocol never rests on colour alone. */
const PROTOCOL_LABEL: Record<LayerProtocol, string> = {
  ethernet: "Ethernet",
  arp: "ARP",
  ipv4: "IPv4",
  icmp: "ICMP",
  udp: "UDP",
  tcp: "TCP",
  data: "Data",
};

interface Active {
  readonly id: string;
  readonly span: ByteSpan;
}

export function PacketInspector({ bytes, format, previous }: PacketInspectorProps) {
  const { frame, changes, error } = useDecodedFrame(bytes, format, previous);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [active, setActive] = useState<Active | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);

  const changeByKey = useMemo(() => new Map((changes ?? []).map((c) => [c.key, c])), [changes]);
  const changedBytes = useMemo(() => {
    const set = new Set<number>();
    frame?.layers.forEach((layer) =>
      layer.fields.forEach((f) => {
        if (changeByKey.has(f.key)) for (let i = f.offset; i < f.offset + f.length; i++) set.add(i);
      }),
    );
    return set;
  }, [frame, changeByKey]);

  if (error) return <p className={styles.error} role="alert">{error}</p>;
  if (!frame) return <p className={styles.loading} aria-busy="true">Decoding…</p>;

  const firstField = frame.layers.flatMap((layer, i) => layer.fields.map((f) => fieldId(i, f)))[0] ?? null;
  const tabStop = focusId ?? firstField;
  const removed = (changes ?? []).filter((c) => c.after === null);

  const activate = (layer: number, field: DecodedField) => setActive({ id: fieldId(layer, field), span: { offset: field.offset, length: field.length } });

  const onHoverByte = (offset: number | null) => {
    const located = offset === null ? null : fieldAtByte(frame, offset);
    setActive(located ? { id: fieldId(located.layer, located.field), span: { offset: located.field.offset, length: located.field.length } } : null);
  };

  /** Arrow keys move between the fields that are shown, across layers. */
  const onTreeKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(treeRef.current?.querySelectorAll<HTMLElement>("[data-field-id]") ?? [])];
    const index = items.findIndex((item) => item === document.activeElement);
    if (index === -1) return;
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, target))]?.focus();
  };

  const toggle = (index: number) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  return (
    <div className={styles.inspector}>
      <p className={styles.summary}>{frame.summary}</p>
      <div className={styles.panes}>
        <div className={styles.tree} ref={treeRef} onKeyDown={onTreeKeyDown}>
          {frame.layers.map((layer, index) => (
            <LayerSection
              key={index}
              layer={layer}
              index={index}
              open={!collapsed.has(index)}
              onToggle={() => toggle(index)}
              activeId={active?.id ?? null}
              tabStop={tabStop}
              changeByKey={changeByKey}
              onActivate={(field) => activate(index, field)}
              onFocusField={(field) => {
                setFocusId(fieldId(index, field));
                activate(index, field);
              }}
              onLeave={() => setActive(null)}
            />
          ))}
          {removed.length > 0 && (
            <p className={styles.removed}>
              Only in the previous capture: {removed.map((c) => `${c.name} (${c.before})`).join(", ")}
            </p>
          )}
        </div>
        <HexDump bytes={bytes} highlight={active?.span ?? null} changed={changedBytes} onHoverByte={onHoverByte} />
      </div>
    </div>
  );
}

interface LayerSectionProps {
  readonly layer: DecodedLayer;
  readonly index: number;
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly activeId: string | null;
  readonly tabStop: string | null;
  readonly changeByKey: ReadonlyMap<string, FieldChange>;
  readonly onActivate: (field: DecodedField) => void;
  readonly onFocusField: (field: DecodedField) => void;
  readonly onLeave: () => void;
}

function LayerSection({ layer, index, open, onToggle, activeId, tabStop, changeByKey, onActivate, onFocusField, onLeave }: LayerSectionProps) {
  const listId = `layer-${index}-fields`;
  const changedCount = layer.fields.filter((f) => changeByKey.has(f.key)).length;
  return (
    <section className={[styles.layer, styles[`proto-${layer.protocol}`], layer.quoted ? styles.quoted : ""].join(" ")}>
      <h4 className={styles.layerHeading}>
        <button type="button" className={styles.layerToggle} aria-expanded={open} aria-controls={listId} onClick={onToggle}>
          <span className={styles.chevron} aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>
          <span className={styles.protoBadge}>{PROTOCOL_LABEL[layer.protocol]}</span>
          <span className={styles.layerTitle}>{layer.quoted ? `Quoted: ${layer.title}` : layer.title}</span>
          {changedCount > 0 && <span className={styles.changedCount}>{changedCount} changed</span>}
        </button>
      </h4>
      {layer.problems.map((problem) => (
        <p key={problem} className={styles.problem}>
          <span aria-hidden="true">⚠ </span>
          {problem}
        </p>
      ))}
      {open && (
        <ul id={listId} className={styles.fields} aria-label={`${PROTOCOL_LABEL[layer.protocol]} fields`}>
          {layer.fields.map((field) => {
            const id = fieldId(index, field);
            const change = changeByKey.get(field.key);
            return (
              <li
                key={id}
                data-field-id={id}
                data-active={activeId === id || undefined}
                data-changed={change ? "" : undefined}
                tabIndex={tabStop === id ? 0 : -1}
                className={[styles.field, activeId === id ? styles.activeField : "", change ? styles.changedField : "", field.problem ? styles.problemField : ""].join(" ")}
                onMouseEnter={() => onActivate(field)}
                onMouseLeave={onLeave}
                onFocus={() => onFocusField(field)}
                onBlur={onLeave}
              >
                <span className={styles.fieldName}>{field.name}</span>
                <span className={styles.fieldValue}>
                  {change ? (
                    <>
                      <span className={hidden.visuallyHidden}>changed from </span>
                      <del className={styles.before}>{change.before ?? "absent"}</del>
                      <span aria-hidden="true"> → </span>
                      <span className={hidden.visuallyHidden}> to </span>
                      <ins className={styles.after}>{field.value}</ins>
                    </>
                  ) : (
                    field.value
                  )}
                </span>
                {field.problem && (
                  <span className={styles.fieldProblem}>
                    <span aria-hidden="true">⚠ </span>
                    {field.problem}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
