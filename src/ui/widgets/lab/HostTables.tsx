/**
 * Each host's routes, neighbours (with their NUD state) and bridge FDB at the
 * playhead. Every state the playhead brings is a fresh object (its packet
 * counters move with each frame), so each host's section is memoised on the
 * lines it shows: during playback only the hosts whose tables changed redraw.
 */
import { memo } from "react";
import type { HostTables as HostTablesData } from "../../../sim/shell/exec/lab-session-types";
import styles from "./HostTables.module.css";

function Rows({ title, lines }: { title: string; lines: readonly string[] }) {
  return (
    <div className={styles.rows}>
      <h5 className={styles.rowsTitle}>{title}</h5>
      {lines.length === 0 ? (
        <p className={styles.none}>none</p>
      ) : (
        // Focusable: long lines scroll sideways, and the keyboard must be able to scroll them (WCAG 2.1.1).
        <ul className={styles.lines} tabIndex={0} aria-label={title}>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface HostSectionProps {
  host: string;
  forwarding: boolean;
  routes: readonly string[];
  neighbours: readonly string[];
  fdb: readonly string[];
}

const sameLines = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((line, i) => line === b[i]);

const HostSection = memo(
  function HostSection({ host, forwarding, routes, neighbours, fdb }: HostSectionProps) {
    return (
      <section className={styles.host} aria-label={`${host} tables`}>
        <h5 className={styles.hostName}>
          {host}
          {forwarding ? <span className={styles.badge}>forwarding</span> : null}
        </h5>
        <Rows title="routes" lines={routes} />
        <Rows title="neighbours" lines={neighbours} />
        {fdb.length > 0 && <Rows title="bridge FDB" lines={fdb} />}
      </section>
    );
  },
  (a, b) => a.host === b.host && a.forwarding === b.forwarding && sameLines(a.routes, b.routes) && sameLines(a.neighbours, b.neighbours) && sameLines(a.fdb, b.fdb),
);

export const HostTables = memo(function HostTables({ hosts }: { hosts: readonly HostTablesData[] }) {
  return (
    <div className={styles.tables}>
      {hosts.map((host) => (
        <HostSection
          key={host.host}
          host={host.host}
          forwarding={host.forwarding}
          routes={host.routes}
          neighbours={host.neighbours.map((n) => `${n.ip} dev ${n.dev}${n.mac ? ` lladdr ${n.mac}` : ""} ${n.state}`)}
          fdb={host.fdb.map((f) => `${f.mac} dev ${f.port} master ${f.bridge}`)}
        />
      ))}
    </div>
  );
});
