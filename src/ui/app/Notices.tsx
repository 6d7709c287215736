import { useNotices } from "../store/notices-store";
import { useT } from "../i18n/use-t";
import styles from "./Notices.module.css";

/** Shows recoveries and restarts in a polite live region at the top of the page. */
export function Notices() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  const t = useT();
  return (
    <div className={styles.region} role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={styles.notice} data-tone={notice.tone} data-notice={notice.id}>
          <span>{t(notice.message)}</span>
          <button type="button" className={styles.dismiss} onClick={() => dismiss(notice.id)}>
            {t("notice.dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}
