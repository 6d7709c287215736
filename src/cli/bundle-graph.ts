/**
 * Reads Vite's build manifest (dist/.vite/manifest.json) as a chunk graph:
 * what a page downloads before it can run (static imports, transitively) and
 * what it may fetch later (dynamic imports).
 */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** Keys of `start` and every chunk it statically imports, transitively. */
export function staticClosure(manifest: Manifest, start: string): string[] {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    stack.push(...(manifest[key].imports ?? []));
  }
  return [...seen];
}

export function entryKey(manifest: Manifest): string {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error("the build manifest has no entry chunk");
  return entry[0];
}

/** Manifest keys whose source path contains `fragment` (e.g. "node_modules/mermaid/"). */
export function keysMatching(manifest: Manifest, fragment: string): string[] {
  return Object.entries(manifest)
    .filter(([key, chunk]) => key.includes(fragment) || (chunk.src ?? "").includes(fragment))
    .map(([key]) => key);
}
