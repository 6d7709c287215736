/**
 * A JSON storage for zustand's persist middleware that never lets bad saved
 * data crash the app: unreadable JSON, or a value that is not an envelope
 * `{ state, version }`, is removed and reported through `onCorrupt`, so the
 * store starts fresh and the shell can tell the student what happened.
 * Storage that throws (private mode, quota) degrades to "not saved".
 */
import type { PersistStorage, StorageValue } from "zustand/middleware";

export function createSafeStorage<S>(
  getStorage: () => Storage | undefined,
  onCorrupt: (key: string, reason: string) => void,
): PersistStorage<S> {
  const storage = () => {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  };
  return {
    getItem(name) {
      const raw = safely(() => storage()?.getItem(name) ?? null, null);
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        discard(name, "saved data is not valid JSON");
        return null;
      }
      if (!isEnvelope(parsed)) {
        discard(name, "saved data has an unexpected shape");
        return null;
      }
      return parsed as StorageValue<S>;
    },
    setItem(name, value) {
      safely(() => storage()?.setItem(name, JSON.stringify(value)), undefined);
    },
    removeItem(name) {
      safely(() => storage()?.removeItem(name), undefined);
    },
  };

  function discard(name: string, reason: string) {
    safely(() => storage()?.removeItem(name), undefined);
    onCorrupt(name, reason);
  }
}

function isEnvelope(value: unknown): value is { state: unknown; version?: number } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const state = record.state;
  const versionOk = record.version === undefined || typeof record.version === "number";
  return typeof state === "object" && state !== null && !Array.isArray(state) && versionOk;
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
