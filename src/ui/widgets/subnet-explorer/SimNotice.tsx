/** A calm line when the simulator worker stopped answering, with a way to ask again. */
import type { SimFailure } from "./use-sim-query";
import shared from "./shared.module.css";
import styles from "./SimNotice.module.css";

export function SimNotice({ failure, onRetry }: { failure: SimFailure | null; onRetry: () => void }) {
  return (
    <div role="status" className={styles.notice}>
      {failure === "retrying" && <p className={styles.text}>The simulator restarted; asking again…</p>}
      {failure === "failed" && (
        <p className={styles.text}>
          The simulator is not answering right now.{" "}
          <button type="button" className={shared.button} onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
    </div>
  );
}
