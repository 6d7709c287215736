/**
 * A widget's state kept in the page's query string, so a link reproduces it.
 *
 * Every widget owns the keys `<namespace>.<field>` and touches no others, so
 * several widgets on one page (and the app's own parameters) never clobber
 * each other. Values equal to the defaults are left out of the URL: the
 * lesson's directive attributes are the defaults, the URL only records what
 * the reader changed, and a value in the URL wins over the attribute.
 *
 * Writes use `history.replaceState` — typing into a widget must not fill the
 * back button with one entry per keystroke — and keep the `#heading` hash and
 * `history.state` (the router may keep data there). They are throttled because
 * browsers limit how often a page may rewrite its URL (Safari throws after
 * 100 calls in 30 seconds); the state itself updates at once.
 */
import { useCallback, useEffect, useRef, useState } from "react";

/** How one field reads from and writes to its query parameter. */
export interface UrlCodec<T> {
  /** The value a parameter stands for, or `undefined` to ignore a malformed one (the default is used). */
  parse(raw: string): T | undefined;
  format(value: T): string;
}

export type UrlCodecs<S> = { readonly [K in keyof S]: UrlCodec<S[K]> };

export type UrlStateUpdate<S> = Partial<S> | ((previous: S) => Partial<S>);

/** Applies an update, writes it to the URL soon, and re-renders. */
export type SetUrlState<S> = (update: UrlStateUpdate<S>) => void;

/** The absolute URL that reproduces the current state (pending writes are flushed first). */
export type UrlStateLink = () => string;

/** Minimum time between two URL writes (Safari allows 100 per 30 s). */
export const URL_WRITE_INTERVAL_MS = 350;

/**
 * State for one widget, initialised from the URL on mount (falling back to
 * `defaults`), written back on every change and re-read on `popstate`.
 */
export function useUrlState<S extends object>(
  namespace: string,
  defaults: S,
  codecs: UrlCodecs<S>,
): [S, SetUrlState<S>, UrlStateLink] {
  const [state, setState] = useState<S>(() => readFromLocation(namespace, defaults, codecs));
  // The state writes are computed from, updated synchronously so two updates
  // in one event compose, and never read during render.
  const current = useRef(state);
  const config = useRef({ namespace, defaults, codecs });
  const writer = useRef<ThrottledWriter | null>(null);

  useEffect(() => {
    config.current = { namespace, defaults, codecs };
  });

  const getWriter = useCallback((): ThrottledWriter => {
    writer.current ??= new ThrottledWriter(() => {
      const { namespace: ns, defaults: defs, codecs: cods } = config.current;
      writeToLocation(ns, current.current, defs, cods);
    });
    return writer.current;
  }, []);

  // Back/forward restores whatever the URL then says; a pending write would
  // undo that, so it is dropped.
  useEffect(() => {
    const onPopState = () => {
      writer.current?.cancel();
      const { namespace: ns, defaults: defs, codecs: cods } = config.current;
      const next = readFromLocation(ns, defs, cods);
      current.current = next;
      setState(next);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  // Leaving the page (or the lesson) must not lose the last keystrokes.
  useEffect(() => () => writer.current?.flush(), []);

  const update = useCallback<SetUrlState<S>>(
    (change) => {
      const patch = typeof change === "function" ? change(current.current) : change;
      const next = { ...current.current, ...patch };
      current.current = next;
      setState(next);
      getWriter().schedule();
    },
    [getWriter],
  );

  const link = useCallback<UrlStateLink>(() => {
    writer.current?.flush();
    const { namespace: ns, defaults: defs, codecs: cods } = config.current;
    const url = new URL(window.location.href);
    url.search = queryWith(url.search, ns, current.current, defs, cods);
    return url.href;
  }, []);

  return [state, update, link];
}

/** The parameter name a field of a namespace uses, e.g. `subnet.cidr`. */
export function urlKey(namespace: string, field: string): string {
  return `${namespace}.${field}`;
}

function fieldsOf<S extends object>(codecs: UrlCodecs<S>): (keyof S & string)[] {
  return Object.keys(codecs) as (keyof S & string)[];
}

function readFromLocation<S extends object>(namespace: string, defaults: S, codecs: UrlCodecs<S>): S {
  if (typeof window === "undefined") return defaults;
  return readQuery(window.location.search, namespace, defaults, codecs);
}

/** The state a query string describes for one namespace; missing or malformed fields keep their default. */
export function readQuery<S extends object>(search: string, namespace: string, defaults: S, codecs: UrlCodecs<S>): S {
  const params = new URLSearchParams(search);
  const state = { ...defaults };
  for (const field of fieldsOf(codecs)) {
    const raw = params.get(urlKey(namespace, field));
    if (raw === null) continue;
    const value = codecs[field].parse(raw);
    if (value !== undefined) state[field] = value;
  }
  return state;
}

/** `search` with this namespace's fields set to `state`: other parameters are kept as they are. */
export function queryWith<S extends object>(
  search: string,
  namespace: string,
  state: S,
  defaults: S,
  codecs: UrlCodecs<S>,
): string {
  const params = new URLSearchParams(search);
  for (const field of fieldsOf(codecs)) {
    const codec = codecs[field];
    const value = codec.format(state[field]);
    const key = urlKey(namespace, field);
    if (value === codec.format(defaults[field])) params.delete(key);
    else params.set(key, value);
  }
  return serializeQuery(params);
}

/**
 * Like `URLSearchParams.toString()` but leaves `/ , : @` readable: RFC 3986
 * §3.4 allows them in a query, and a reader should be able to see
 * `subnet.cidr=10.0.0.0/16` in a link rather than `10.0.0.0%2F16`.
 */
export function serializeQuery(params: URLSearchParams): string {
  const parts: string[] = [];
  params.forEach((value, key) => parts.push(`${encodeQueryPart(key)}=${encodeQueryPart(value)}`));
  return parts.length ? `?${parts.join("&")}` : "";
}

function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%(2F|2C|3A|40)/gi, (escaped) => decodeURIComponent(escaped));
}

function writeToLocation<S extends object>(namespace: string, state: S, defaults: S, codecs: UrlCodecs<S>): void {
  const { pathname, search, hash } = window.location;
  const nextSearch = queryWith(search, namespace, state, defaults, codecs);
  if (nextSearch === search) return;
  try {
    window.history.replaceState(window.history.state, "", `${pathname}${nextSearch}${hash}`);
  } catch {
    // The browser refused (rate limit, sandboxed frame): the widget still
    // works, only the link does not follow; the next change tries again.
  }
}

/** Runs `write` at most once per interval: at once when idle, else once at the end. */
class ThrottledWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private lastWrite = -Infinity;

  constructor(private readonly write: () => void) {}

  schedule(): void {
    this.dirty = true;
    if (this.timer !== null) return;
    const wait = this.lastWrite + URL_WRITE_INTERVAL_MS - Date.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    this.clearTimer();
    if (!this.dirty) return;
    this.dirty = false;
    this.lastWrite = Date.now();
    this.write();
  }

  cancel(): void {
    this.clearTimer();
    this.dirty = false;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

// ---- Codecs for common field types -------------------------------------------------

export const stringParam: UrlCodec<string> = {
  parse: (raw) => raw,
  format: (value) => value,
};

/** `1` / `0`; anything else is ignored. */
export const booleanParam: UrlCodec<boolean> = {
  parse: (raw) => (raw === "1" ? true : raw === "0" ? false : undefined),
  format: (value) => (value ? "1" : "0"),
};

/** A whole number in [min, max], or `null` written as an empty value. */
export function optionalIntegerParam(min: number, max: number): UrlCodec<number | null> {
  return {
    parse: (raw) => {
      if (raw === "") return null;
      if (!/^\d+$/.test(raw)) return undefined;
      const value = Number(raw);
      return value >= min && value <= max ? value : undefined;
    },
    format: (value) => (value === null ? "" : String(value)),
  };
}

/** A comma-separated list of non-empty items (items themselves must not contain commas). */
export const listParam: UrlCodec<readonly string[]> = {
  parse: (raw) =>
    raw
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  format: (value) => value.join(","),
};
