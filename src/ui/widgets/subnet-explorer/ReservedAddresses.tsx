/**
 * The five addresses AWS keeps in every VPC subnet (the first four and the
 * last), each with what it is for — so "usable hosts − 5" is explained.
 * See "Subnet CIDR blocks" in the Amazon VPC User Guide.
 */
import type { ReservedAddress } from "../../../sim/addr/explorer-types";
import shared from "./shared.module.css";
import styles from "./FactsList.module.css";

export function ReservedAddresses({ reserved }: { reserved: readonly ReservedAddress[] }) {
  return (
    <section className={styles.reserved} aria-label="Addresses reserved by AWS">
      <p className={styles.reservedTitle}>Reserved by AWS in this subnet ({reserved.length})</p>
      <ul className={styles.reservedList}>
        {reserved.map((entry) => (
          <li key={entry.address} className={styles.reservedItem}>
            <span className={shared.mono}>{entry.address}</span>
            <span className={styles.purpose}>{entry.purpose}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
