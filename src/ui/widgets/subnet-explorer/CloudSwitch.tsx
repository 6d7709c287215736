/** The "Cloud (AWS) reservations" switch: a button with role="switch", so Space/Enter toggle it. */
import styles from "./CloudSwitch.module.css";

interface CloudSwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CloudSwitch({ checked, onChange }: CloudSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      className={styles.switch}
      onClick={() => onChange(!checked)}
    >
      <span className={styles.track} aria-hidden="true">
        <span className={styles.thumb} />
      </span>
      <span>Cloud (AWS) reservations</span>
      <span className={styles.state} aria-hidden="true">
        {checked ? "on" : "off"}
      </span>
    </button>
  );
}
