/**
 * ss's column layout (misc/ss.c: out(), field_flush(), render_calc_width(),
 * render()). Every field of every line — the header's too — is buffered
 * first; a column is then as wide as its longest field plus its left
 * delimiter, except the first shown column, which has no delimiter. With
 * stdout not a terminal (a pipe, a file, a transcript) there is no screen
 * width to spread the columns over: nothing is added. Right-aligned
 * columns (the addresses) are padded on the left, the others on the right,
 * so a line can end in blanks.
 */

export interface SsColumn {
  readonly header: string;
  readonly align: "left" | "right";
  /** Printed before the field unless it starts the line. */
  readonly delimiter: string;
  /** Not shown at all (Netid with one table, State with one state). */
  readonly disabled?: boolean;
}

/** The lines as ss prints them; `rows` hold one field per column (the last column has no header). */
export function renderColumns(columns: readonly SsColumn[], rows: readonly (readonly string[])[], header: boolean): string {
  const shown = columns.map((c, i) => ({ ...c, index: i })).filter((c) => !c.disabled);
  const lines: (readonly string[])[] = [];
  if (header) lines.push(columns.map((c, i) => (i === columns.length - 1 ? "" : c.header)));
  lines.push(...rows);
  const widths = new Map<number, number>();
  let first = true;
  for (const c of shown) {
    const maxLen = Math.max(0, ...lines.map((l) => (l[c.index] ?? "").length));
    const width = !first && maxLen > 0 ? maxLen + c.delimiter.length : maxLen;
    widths.set(c.index, width);
    if (width > 0) first = false;
  }
  let out = "";
  for (const line of lines) {
    let started = false;
    for (const c of shown) {
      const field = line[c.index] ?? "";
      const width = widths.get(c.index)!;
      let printed = 0;
      if (started) {
        out += c.delimiter;
        printed = c.delimiter.length;
      }
      started = true;
      if (width > 0 && c.align === "right") {
        const pad = width - field.length - printed;
        if (pad > 0) {
          out += " ".repeat(pad);
          printed += pad;
        }
      }
      out += field;
      printed += field.length;
      if (width > 0 && c.align === "left" && width - printed > 0) out += " ".repeat(width - printed);
    }
    out += "\n";
  }
  return out;
}

/** ss's inet socket columns (misc/ss.c columns[]); Netid shows when more than one table is listed, State unless -l alone. */
export function ssColumns(netid: boolean, state: boolean): SsColumn[] {
  return [
    { header: "Netid", align: "left", delimiter: "", disabled: !netid },
    { header: "State", align: "left", delimiter: " ", disabled: !state },
    { header: "Recv-Q", align: "left", delimiter: " " },
    { header: "Send-Q", align: "left", delimiter: " " },
    { header: "Local Address:", align: "right", delimiter: " " },
    { header: "Port", align: "left", delimiter: "" },
    { header: "Peer Address:", align: "right", delimiter: " " },
    { header: "Port", align: "left", delimiter: "" },
    { header: "Process", align: "left", delimiter: "" },
    { header: "", align: "left", delimiter: "" },
  ];
}
