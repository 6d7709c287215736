/** Each host's routes, neighbours (with their NUD state) and bridge FDB at the playhead. */
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

export function HostTables({ hosts }: { hosts: readonly HostTablesData[] }) {
  return (
    <div className={styles.tables}>
      {hosts.map((host) => (
        <section key={host.host} className={styles.host} aria-label={`${host.host} tables`}>
          <h5 className={styles.hostName}>
            {host.host}
            {host.forwarding ? <span className={styles.badge}>forwarding</span> : null}
          </h5>
          <Rows title="routes" lines={host.routes} />
          <Rows title="neighbours" lines={host.neighbours.map((n) => `${n.ip} dev ${n.dev}${n.mac ? ` lladdr ${n.mac}` : ""} ${n.state}`)} />
          {host.fdb.length > 0 && <Rows title="bridge FDB" lines={host.fdb.map((f) => `${f.mac} dev ${f.port} master ${f.bridge}`)} />}
        </section>
      ))}
    </div>
  );
}
