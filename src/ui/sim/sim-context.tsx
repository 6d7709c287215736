/**
 * Widgets reach the simulator only through this context: in the app and in
 * embeds it is the worker client; in component tests it is the same core run
 * in-process (src/worker/local-api.ts).
 */
import { createContext, useContext } from "react";
import type { ReactNode } from "react";
import type { RemoteSimApi } from "../../worker/api";

const SimContext = createContext<RemoteSimApi | null>(null);

export function SimProvider({ api, children }: { api: RemoteSimApi; children: ReactNode }) {
  return <SimContext.Provider value={api}>{children}</SimContext.Provider>;
}

/** The simulator API for this subtree; throws if a widget is rendered without a provider. */
export function useSimApi(): RemoteSimApi {
  const api = useContext(SimContext);
  if (!api) throw new Error("useSimApi: no <SimProvider> above this widget");
  return api;
}
