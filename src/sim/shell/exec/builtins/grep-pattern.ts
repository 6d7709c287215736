/**
 * POSIX regular expressions as GNU grep reads them, turned into JavaScript
 * RegExps: basic (BRE, the default: `\(`, `\{`, `\|`, `\+`, `\?` are the
 * operators, bare ones literal) or extended (`-E`), bracket expressions with
 * character classes (`[[:digit:]]`), or fixed strings (`-F`).
 */

const CLASSES: Record<string, string> = {
  alpha: "A-Za-z", digit: "0-9", alnum: "A-Za-z0-9", upper: "A-Z", lower: "a-z", space: " \\t\\n\\r\\f\\v",
  blank: " \\t", punct: "!-\\/:-@\\[-`{-~", xdigit: "0-9A-Fa-f", print: " -~", graph: "!-~", cntrl: "\\x00-\\x1f\\x7f",
};

/** A bracket expression starting at `i` (just after `[`): its JS form and where it ends. */
function bracket(p: string, i: number): { js: string; end: number } {
  let js = "[";
  let j = i;
  if (p[j] === "^") {
    js += "^";
    j++;
  }
  let first = true;
  for (; j < p.length; j++) {
    const c = p[j]!;
    if (c === "]" && !first) return { js: `${js}]`, end: j };
    first = false;
    const cls = /^\[:([a-z]+):\]/.exec(p.slice(j));
    if (cls && Object.hasOwn(CLASSES, cls[1]!)) {
      js += CLASSES[cls[1]!];
      j += cls[0].length - 1;
    } else if (c === "\\" || c === "]" || c === "[") js += `\\${c}`;
    else js += c;
  }
  throw new SyntaxError("Unmatched [, [^, [:, [., or [=");
}

export function toRegExpSource(pattern: string, mode: "basic" | "extended" | "fixed"): string {
  if (mode === "fixed") return pattern.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "[") {
      const b = bracket(pattern, i + 1);
      out += b.js;
      i = b.end;
    } else if (c === "\\" && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      if (mode === "basic" && "(){}|+?".includes(n)) out += n;
      else if ("wWsSbB".includes(n) || /\d/.test(n)) out += `\\${n}`;
      else if (n === "<") out += "\\b(?=\\w)";
      else if (n === ">") out += "\\b(?<=\\w)";
      else out += `\\${n}`;
    } else if (mode === "basic" && "(){}|+?".includes(c)) out += `\\${c}`;
    else if (c === "*" && (out === "" || out.endsWith("(") || out.endsWith("|") || out === "^")) out += "\\*";
    else if (c === "/") out += "\\/";
    else out += c;
  }
  return out;
}
