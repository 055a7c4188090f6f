/**
 * Range.text: a value shown through its number format. Covers the formats a
 * workbook of this kind uses (General, 0, 0.00, #,##0, percentages, dates,
 * Text); exotic formats fall back to General rather than guessing.
 */
import { type OfficeValue, type OfficeValueType, serialToParts } from "./values";

/** Excel's built-in format 14, which ExcelJS names "mm-dd-yy" but Excel (en-US) shows and reports as "m/d/yyyy". */
export function officeNumberFormat(numFmt: string | undefined): string {
  if (numFmt === undefined || numFmt === "") return "General";
  if (numFmt === "mm-dd-yy") return "m/d/yyyy";
  return numFmt;
}

/** A number as the General format shows it: up to 11 characters, switching to scientific notation for very large or small. */
export function generalNumber(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = n.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const e = Number(exponent);
    return `${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const digits = Math.max(1, 10 - Math.floor(Math.log10(abs)));
  return String(Number(n.toFixed(Math.min(digits, 10))));
}

/** Splits a format into its ;-separated sections, ignoring semicolons inside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The format without quoted literals, escapes and [brackets], to look for placeholders. */
function bare(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "");
}

function isDateFormat(section: string): boolean {
  return /[ymdhs]/i.test(bare(section)) && !/[0#?]/.test(bare(section).replace(/\.0+/g, ""));
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function formatDate(serial: number, section: string, date1904: boolean): string {
  const { y, m, d, fraction } = serialToParts(serial, date1904);
  const seconds = Math.round(fraction * 86400);
  const hh = Math.floor(seconds / 3600) % 24;
  const mi = Math.floor(seconds / 60) % 60;
  const ss = seconds % 60;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const ampm = /AM\/PM|A\/P/i.test(section);
  let out = "";
  let lastWasHour = false;
  const s = section.replace(/\[[^\]]*\]/g, "");
  for (let i = 0; i < s.length;) {
    const rest = s.slice(i);
    const run = /^([yY]+|[mM]+|[dD]+|[hH]+|[sS]+)/.exec(rest);
    if (rest.startsWith('"')) {
      const end = s.indexOf('"', i + 1);
      out += s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end + 1;
    } else if (rest.startsWith("\\")) {
      out += s[i + 1] ?? "";
      i += 2;
    } else if (/^AM\/PM/i.test(rest)) {
      out += hh < 12 ? "AM" : "PM";
      i += 5;
    } else if (/^A\/P/i.test(rest)) {
      out += hh < 12 ? "A" : "P";
      i += 3;
    } else if (run) {
      const token = run[1].toLowerCase();
      const n = token.length;
      i += n;
      const nextIsSeconds = /^[^a-z]*s/i.test(s.slice(i));
      if (token[0] === "y") out += n <= 2 ? String(y % 100).padStart(2, "0") : String(y);
      else if (token[0] === "d")
        out +=
          n === 1
            ? String(d)
            : n === 2
              ? String(d).padStart(2, "0")
              : n === 3
                ? DAY_NAMES[weekday].slice(0, 3)
                : DAY_NAMES[weekday];
      else if (token[0] === "h") {
        const hour = ampm ? ((hh + 11) % 12) + 1 : hh;
        out += n === 1 ? String(hour) : String(hour).padStart(2, "0");
      } else if (token[0] === "s") out += n === 1 ? String(ss) : String(ss).padStart(2, "0");
      else if (token[0] === "m" && (lastWasHour || nextIsSeconds) && n <= 2)
        out += n === 1 ? String(mi) : String(mi).padStart(2, "0");
      else if (token[0] === "m")
        out +=
          n === 1
            ? String(m)
            : n === 2
              ? String(m).padStart(2, "0")
              : n === 3
                ? MONTH_NAMES[m - 1].slice(0, 3)
                : n === 5
                  ? MONTH_NAMES[m - 1][0]
                  : MONTH_NAMES[m - 1];
      lastWasHour = token[0] === "h";
      continue;
    } else {
      out += s[i];
      i += 1;
    }
  }
  return out;
}

function literal(text: string): string {
  return text
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/_./g, " ")
    .replace(/\*./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

function formatNumber(n: number, section: string): string {
  const b = bare(section);
  const first = section.search(/[0#?]/);
  if (first < 0) return literal(section);
  let last = first;
  for (let i = first; i < section.length; i++) if (/[0#?.,]/.test(section[i])) last = i;
  const body = section.slice(first, last + 1);
  const prefix = literal(section.slice(0, first));
  const suffix = literal(section.slice(last + 1));
  const value = b.includes("%") ? n * 100 : n;
  const dot = body.indexOf(".");
  const decimals = dot < 0 ? 0 : body.slice(dot + 1).replace(/[^0#?]/g, "").length;
  const grouped = /[0#?],[0#?]/.test(body);
  let text = Math.abs(value).toFixed(decimals);
  if (grouped) {
    const [whole, fraction] = text.split(".");
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction !== undefined ? `.${fraction}` : "");
  }
  const minimumWhole = (dot < 0 ? body : body.slice(0, dot)).replace(/[^0]/g, "").length;
  if (minimumWhole === 0 && text.startsWith("0.")) text = text.slice(1);
  return `${prefix}${text}${suffix}`;
}

/** The text Excel shows for a value under a number format (Range.text). */
export function formatText(value: OfficeValue, type: OfficeValueType, numFmt: string, date1904: boolean): string {
  if (type === "Empty") return "";
  if (type === "Boolean") return value ? "TRUE" : "FALSE";
  if (type === "Error") return String(value);
  const parts = sections(numFmt);
  if (type === "String") {
    const textSection = parts.length >= 4 ? parts[3] : parts.find((p) => p.includes("@"));
    return textSection ? literal(textSection).replace("@", String(value)) : String(value);
  }
  const n = value as number;
  if (/^general$/i.test(numFmt.trim()) || numFmt.trim() === "") return generalNumber(n);
  let section = parts[0];
  let number = n;
  if (n < 0 && parts.length >= 2 && parts[1] !== "") {
    section = parts[1];
    number = -n;
  } else if (n === 0 && parts.length >= 3 && parts[2] !== "") section = parts[2];
  if (/^general$/i.test(bare(section).trim())) return generalNumber(number);
  if (section.trim() === "@") return generalNumber(number);
  if (isDateFormat(section)) return number < 0 ? "#".repeat(10) : formatDate(number, section, date1904);
  const text = formatNumber(number, section);
  return number < 0 && section === parts[0] ? `-${text}` : text;
}
