/**
 * A benchmark's results beside other libraries' results for the same work,
 * measured in the same run, and a plain-text table of them.
 */

export interface BenchRow {
  case: string;
  /** Our operations per second. */
  ours: number;
  /** Operations per second of each other library that does the same work, by library name. */
  theirs: Record<string, number>;
}

export interface BenchReport {
  name: string;
  rows: BenchRow[];
  /** Measurements that are not throughputs (memory, counts), printed under the table. */
  notes?: string[];
}

/** Thousands separators without depending on the machine's locale. */
function groupDigits(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function ratio(ours: number, theirs: number | undefined): string {
  if (theirs === undefined || theirs <= 0) return "—";
  return `${(ours / theirs).toFixed(2)}×`;
}

/** Library names in order of first appearance. */
function libraries(report: BenchReport): string[] {
  const names: string[] = [];
  for (const row of report.rows) for (const name of Object.keys(row.theirs)) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * An aligned table: one row per case, our ops/s, then for each library its
 * ops/s and the ratio ours/theirs (above 1 means we are faster). A library
 * with no equivalent for a case shows "—".
 */
export function formatReport(report: BenchReport): string {
  const libs = libraries(report);
  const header = ["case", "ours ops/s", ...libs.flatMap((lib) => [`${lib} ops/s`, `ours/${lib}`])];
  const body = report.rows.map((row) => [
    row.case,
    groupDigits(row.ours),
    ...libs.flatMap((lib) => {
      const theirs = row.theirs[lib];
      return [theirs === undefined ? "—" : groupDigits(theirs), ratio(row.ours, theirs)];
    }),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const notes = report.notes ?? [];
  return [`${report.name} (operations per second; ratio above 1 means ours is faster)`, line(header), rule, ...body.map(line), ...notes].join("\n");
}
