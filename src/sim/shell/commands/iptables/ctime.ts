/**
 * ctime(3)'s "Www Mmm dd hh:mm:ss yyyy" for iptables-save's "# Generated
 * by … on DATE" lines, from Unix seconds in UTC (the simulated machine's
 * time zone). No Date: sim code takes time from the world's clock, so the
 * civil date is computed (days-from-civil, H. Hinnant's algorithm).
 */
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function two(value: number): string {
  return String(value).padStart(2, "0");
}

/** ctime(3) without its newline, for Unix time `seconds` in UTC. */
export function ctimeUtc(seconds: number): string {
  const whole = Math.floor(seconds);
  const days = Math.floor(whole / 86400);
  const inDay = whole - days * 86400;
  const { year, month, day } = civilFromDays(days);
  // 1970-01-01 was a Thursday.
  const weekday = WEEKDAYS[(((days + 4) % 7) + 7) % 7] ?? "";
  const time = `${two(Math.floor(inDay / 3600))}:${two(Math.floor((inDay % 3600) / 60))}:${two(inDay % 60)}`;
  return `${weekday} ${MONTHS[month - 1] ?? ""} ${String(day).padStart(2)} ${time} ${year}`;
}
