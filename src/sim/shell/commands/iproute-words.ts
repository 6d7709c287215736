/**
 * How iproute2 reads keywords. `matches(word, keyword)` (lib/utils.c) accepts
 * any non-empty prefix of the keyword, and each command tests its keywords in
 * a fixed order, so the first keyword in that order wins: `ip link s` is
 * `set` (tested before `show`), `ip a s` is `show` (tested before `save`).
 */

/** iproute2's matches(): `word` is a non-empty prefix of `keyword`. */
export function matches(word: string, keyword: string): boolean {
  return word.length > 0 && keyword.startsWith(word);
}

/** The first of `keywords`, in iproute2's test order, that `word` abbreviates. */
export function firstMatch<K extends string>(word: string, keywords: readonly K[]): K | undefined {
  return keywords.find((k) => matches(word, k));
}

/**
 * Resolve a word against an ordered table of [keyword, meaning] rows. Rows
 * marked `exact` need the whole word (iproute2 compares those with strcmp).
 */
export interface KeywordRow<M> {
  readonly keyword: string;
  readonly meaning: M;
  readonly exact?: boolean;
}

export function resolveKeyword<M>(word: string, rows: readonly KeywordRow<M>[]): M | undefined {
  const row = rows.find((r) => (r.exact ? word === r.keyword : matches(word, r.keyword)));
  return row?.meaning;
}

/** A cursor over argv, as iproute2's NEXT_ARG()/PREV_ARG() walk it. */
export class ArgCursor {
  private index = 0;
  constructor(private readonly args: readonly string[]) {}

  get done(): boolean {
    return this.index >= this.args.length;
  }

  /** The current word (call only when not done). */
  peek(): string {
    return this.args[this.index] ?? "";
  }

  /** Take the current word and move on. */
  take(): string {
    const word = this.peek();
    this.index++;
    return word;
  }

  /** The words not yet taken. */
  rest(): string[] {
    return this.args.slice(this.index);
  }
}
