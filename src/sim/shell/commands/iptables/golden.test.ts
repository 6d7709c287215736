/**
 * Goldens: every command captured from the real iptables 1.8.9 (nf_tables)
 * in fixtures/*.json is parsed, executed on a small replay model of view
 * records, and its stdout, stderr and exit status compared byte for byte.
 * Parse-time errors come from the parser alone; refusals from
 * kernel-refusals.ts; listings from the formatters.
 */
import { describe, expect, it } from "vitest";
import { ipv4FromOctets, type Ipv4Address } from "../../../addr";
import type { CommandOutput } from "../command-output";
import { ReplayModel } from "./fixtures/replay-model";
import { parseIptables } from "./iptables-parse";
import type { AddressNames } from "./list-format";
import { parseRestoreInput } from "./restore-parse";
import { formatSave } from "./save-format";
import { parseIptablesRestore, parseIptablesSave } from "./save-restore-command";
import counters from "./fixtures/counters.json";
import errors from "./fixtures/errors.json";
import listings from "./fixtures/listings.json";
import nat from "./fixtures/nat.json";
import options from "./fixtures/options.json";
import restore from "./fixtures/restore.json";

interface CapturedRecord {
  readonly cmd: string;
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** /etc/hosts and /etc/networks of the capture machine, as far as the fixtures touch them. */
const NAMES: AddressNames = {
  addressName(address: Ipv4Address) {
    if (address === ipv4FromOctets(127, 0, 0, 1)) return "localhost";
    if (address === ipv4FromOctets(127, 0, 0, 0)) return "loopback";
    return null;
  },
};

/** POSIX shell words: single quotes, double quotes with \" and \\, backslash outside. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let started = false;
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index);
    if (char === "'") {
      const end = line.indexOf("'", index + 1);
      current += line.slice(index + 1, end);
      index = end;
      started = true;
    } else if (char === '"') {
      index++;
      while (index < line.length && line.charAt(index) !== '"') {
        if (line.charAt(index) === "\\" && ['"', "\\", "$", "`"].includes(line.charAt(index + 1))) index++;
        current += line.charAt(index);
        index++;
      }
      started = true;
    } else if (char === " ") {
      if (started) words.push(current);
      current = "";
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The Unix time of the first ctime(3) date in a captured iptables-save output (test-only inverse of ctimeUtc). */
function capturedNow(text: string): number {
  const match = /on \w{3} (\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\d{4})/.exec(text);
  if (match === null) return 0;
  const [, month = "", day = "", hours = "", minutes = "", seconds = "", year = ""] = match;
  let days = 0;
  for (let y = 1970; y < Number(year); y++) days += y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365;
  const leap = Number(year) % 4 === 0 && (Number(year) % 100 !== 0 || Number(year) % 400 === 0);
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  days += lengths.slice(0, MONTHS.indexOf(month)).reduce((sum, length) => sum + length, 0) + Number(day) - 1;
  return days * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

function runLine(model: ReplayModel, record: CapturedRecord): CommandOutput {
  const pipe = record.cmd.split(" | ");
  let input = "";
  let words = shellWords(pipe[pipe.length - 1] ?? "");
  if (pipe.length === 2) {
    const printf = shellWords(pipe[0] ?? "").filter((word) => word !== "printf" && word !== "--");
    input = (printf[0] ?? "").replace(/\\n/g, "\n");
  }
  const redirect = words.indexOf("<");
  if (redirect >= 0) words = words.slice(0, redirect);
  const [program, ...argv] = words;
  if (program === "iptables") {
    const parsed = parseIptables(argv, model.lookup);
    return parsed.kind === "answered" ? parsed.output : model.run(parsed.request, NAMES);
  }
  if (program === "iptables-save") {
    const parsed = parseIptablesSave(argv);
    if (parsed.kind === "answered") return parsed.output;
    const stdout = formatSave(model.existingViews(parsed.request.table), { counters: parsed.request.counters, now: capturedNow(record.stdout) });
    return { stdout, stderr: "", exit: 0 };
  }
  if (program === "iptables-restore") {
    const parsed = parseIptablesRestore(argv);
    if (parsed.kind === "answered") return parsed.output;
    const tables = parseRestoreInput(input, parsed.request, model.lookup);
    return tables.kind === "answered" ? tables.output : model.restore(tables.request, parsed.request, NAMES);
  }
  throw new Error(`no front end for ${record.cmd}`);
}

/**
 * Real options the simulator does not model (fixtures/errors.cmds, last
 * section): instead of the captured success it must say so plainly, exit 2.
 */
const UNMODELLED: ReadonlySet<string> = new Set([
  "iptables -A INPUT -j MARK --set-mark 1",
  "iptables -A INPUT -j LOG --log-tcp-sequence",
  "iptables -A INPUT -f -j DROP",
  "iptables -A INPUT -d 10.0.0.0/255.0.255.0 -j ACCEPT",
  "iptables -A INPUT -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT",
]);

const FIXTURES: Readonly<Record<string, readonly CapturedRecord[]>> = { errors, options, listings, nat, counters, restore };

describe.each(Object.entries(FIXTURES))("%s.json, replayed in order", (_name, records) => {
  const model = new ReplayModel();
  it.each(records.map((record, index) => [index + 1, record.cmd, record] as const))("%i: %s", (_index, _cmd, record) => {
    const output = runLine(model, record);
    if (UNMODELLED.has(record.cmd)) {
      expect(output.exit).toBe(2);
      expect(output.stderr).toMatch(/ is not supported by this simulator\n$/);
      return;
    }
    expect({ stdout: output.stdout, stderr: output.stderr, exit: output.exit }).toEqual({ stdout: record.stdout, stderr: record.stderr, exit: record.exit });
  });
});
