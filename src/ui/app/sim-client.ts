/**
 * The app's one simulator client. The worker starts on the first call (a
 * lesson without widgets never starts it); restarts raise a notice.
 */
import { SimClient } from "../../worker/client";
import { useNotices } from "../store/notices-store";

export const simClient = new SimClient();

simClient.on("restarted", () => {
  useNotices.getState().show({ id: "sim-restarted", message: "sim.restarted", tone: "warning" });
});

// Lets e2e tests (and curious students in devtools) crash the worker for real.
declare global {
  interface Window {
    __wirebook?: { crashSimulator(): Promise<void>; simRestarts(): number };
  }
}
window.__wirebook = {
  crashSimulator: () => simClient.api.crashForTesting().catch(() => undefined),
  simRestarts: () => simClient.restartCount,
};
