/**
 * Workbook-level defined names as ExcelJS stores them ({name, ranges} with
 * sheet-qualified absolute ranges). ExcelJS does not follow a sheet that is
 * renamed or deleted, or rows that move; Excel does, so these helpers do.
 */
import type ExcelJS from "exceljs";
import { type Rect, columnLetters, formatAddress, parseRect, splitSheet } from "./address";

export interface NameEntry {
  name: string;
  ranges: string[];
}

interface DefinedNamesModel {
  model: NameEntry[];
}

function store(wb: ExcelJS.Workbook): DefinedNamesModel {
  return wb.definedNames as unknown as DefinedNamesModel;
}

export function readNames(wb: ExcelJS.Workbook): NameEntry[] {
  return store(wb).model.map((n) => ({ name: n.name, ranges: [...n.ranges] }));
}

export function writeNames(wb: ExcelJS.Workbook, names: NameEntry[]): void {
  store(wb).model = names.filter((n) => n.ranges.length > 0);
}

/** Takes a snapshot of the names and returns how to restore it. */
export function namesUndo(wb: ExcelJS.Workbook): () => void {
  const before = readNames(wb);
  return () => writeNames(wb, before);
}

/** "'My Sheet'!$A$1:$B$2" → {sheet: "My Sheet", rect}; null for what is not a sheet reference. */
export function parseReference(reference: string): { sheet: string; rect: Rect } | null {
  const text = reference.startsWith("=") ? reference.slice(1) : reference;
  const { sheet, local } = splitSheet(text.trim());
  if (sheet === null || sheet === "") return null;
  const rect = parseRect(local);
  return rect ? { sheet, rect } : null;
}

/**
 * A reference as ExcelJS's name store accepts it: absolute cells, the sheet
 * always quoted (as ExcelJS writes it), whole columns spelled as $A$1:$A$1048576.
 */
export function storableReference(sheet: string, rect: Rect): string {
  const first = `$${columnLetters(rect.left)}$${rect.top}`;
  const single = rect.top === rect.bottom && rect.left === rect.right;
  return `'${sheet.replace(/'/g, "''")}'!${first}${single ? "" : `:$${columnLetters(rect.right)}$${rect.bottom}`}`;
}

/** A name's formula as Office shows it: "='Authorized Insurance Sessions'!$A$1", "=Sheet1!$A$1:$B$2". */
export function nameFormula(entry: NameEntry): string {
  const parts = entry.ranges.map((r) => {
    const ref = parseReference(r);
    return ref ? formatAddress(ref.sheet, ref.rect, true) : r;
  });
  return `=${parts.join(",")}`;
}

/** Excel's rules for a defined name: starts with a letter, "_" or "\", no spaces, not a cell reference. */
export function isValidName(name: string): boolean {
  return (
    /^[A-Za-z_\\][A-Za-z0-9_.\\?]{0,254}$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name)
  );
}

/** Rewrites every reference to a sheet (renamed: to the new name; deleted: removed). Names left with nothing are dropped and returned. */
export function retargetSheet(wb: ExcelJS.Workbook, from: string, to: string | null): string[] {
  const lower = from.toLowerCase();
  const emptied: string[] = [];
  const names = readNames(wb).map((n) => {
    const ranges = n.ranges.flatMap((r) => {
      const ref = parseReference(r);
      if (!ref || ref.sheet.toLowerCase() !== lower) return [r];
      return to === null ? [] : [storableReference(to, ref.rect)];
    });
    if (ranges.length === 0 && n.ranges.length > 0) emptied.push(n.name);
    return { name: n.name, ranges };
  });
  writeNames(wb, names);
  return emptied;
}

/** Moves name references on a sheet with a structural change (`move` maps a rect to its new place or null when deleted). */
export function moveReferences(wb: ExcelJS.Workbook, sheet: string, move: (rect: Rect) => Rect | null): void {
  const lower = sheet.toLowerCase();
  writeNames(
    wb,
    readNames(wb).map((n) => ({
      name: n.name,
      ranges: n.ranges.flatMap((r) => {
        const ref = parseReference(r);
        if (!ref || ref.sheet.toLowerCase() !== lower) return [r];
        const moved = move(ref.rect);
        return moved ? [storableReference(ref.sheet, moved)] : [];
      }),
    })),
  );
}
