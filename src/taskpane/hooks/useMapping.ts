/**
 * Column mapping: which sheet serves Clients, Tracking and Sessions, and which header serves each field.
 * Read when the Settings tab opens; each sheet kind is edited as a draft and saved on its own.
 */
import { useCallback, useEffect, useState } from "react";
import type { MappingSheet, MappingState, WorkbookService } from "../../addin/service";
import { errorSentence } from "../errors";
import type { WriteGuard } from "../writeGuard";

export type SheetKind = MappingSheet["kind"];

/** One sheet kind as the user is changing it. */
export interface MappingDraft {
  readonly sheet: string | null;
  /** Field key → header serving it (null for none). */
  readonly headers: Readonly<Record<string, string | null>>;
  /** The fields whose header the user changed. */
  readonly changed: readonly string[];
  /** True when another sheet was chosen: its headers are read once it is saved. */
  readonly sheetChanged: boolean;
}

export interface MappingViewState {
  readonly mapping: MappingState | null;
  readonly drafts: Readonly<Partial<Record<SheetKind, MappingDraft>>>;
  readonly loading: boolean;
  readonly error: string | null;
  readonly savingKind: SheetKind | null;
  readonly savedKind: SheetKind | null;
  readonly setSheet: (kind: SheetKind, sheet: string | null) => void;
  readonly setHeader: (kind: SheetKind, field: string, header: string | null) => void;
  readonly save: (kind: SheetKind) => Promise<void>;
  readonly reload: () => void;
}

function draftOf(sheet: MappingSheet): MappingDraft {
  return {
    sheet: sheet.sheet,
    headers: Object.fromEntries(sheet.fields.map((f) => [f.key, f.header])),
    changed: [],
    sheetChanged: false,
  };
}

export function useMapping(
  service: WorkbookService,
  guard: WriteGuard,
  active: boolean,
  onSaved?: () => void,
): MappingViewState {
  const [mapping, setMapping] = useState<MappingState | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<SheetKind, MappingDraft>>>({});
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [savingKind, setSavingKind] = useState<SheetKind | null>(null);
  const [savedKind, setSavedKind] = useState<SheetKind | null>(null);
  const [generation, setGeneration] = useState(0);

  // Read each time the view is shown: the user may have renamed sheets or headers meanwhile.
  useEffect(() => {
    if (!active) return undefined;
    let live = true;
    setLoading(true);
    service.readMapping().then(
      (state) => {
        if (!live) return;
        setMapping(state);
        setDrafts(Object.fromEntries(state.sheets.map((s) => [s.kind, draftOf(s)])));
        setLoading(false);
        setError(null);
      },
      (e: unknown) => {
        if (!live) return;
        setLoading(false);
        setError(errorSentence(e, "reading the column mapping"));
      },
    );
    return () => {
      live = false;
    };
  }, [service, active, generation]);

  const setSheet = useCallback(
    (kind: SheetKind, sheet: string | null) => {
      const original = mapping?.sheets.find((s) => s.kind === kind);
      if (!original) return;
      setSavedKind(null);
      setDrafts((d) => {
        const sheetChanged = sheet !== original.sheet;
        // Back on the original sheet, its headers apply again; on another sheet they are unknown until saved.
        const base = sheetChanged ? d[kind] : draftOf(original);
        return { ...d, [kind]: { ...(base ?? draftOf(original)), sheet, sheetChanged } };
      });
    },
    [mapping],
  );

  const setHeader = useCallback((kind: SheetKind, field: string, header: string | null) => {
    setSavedKind(null);
    setDrafts((d) => {
      const draft = d[kind];
      if (!draft) return d;
      const changed = draft.changed.includes(field) ? draft.changed : [...draft.changed, field];
      return { ...d, [kind]: { ...draft, headers: { ...draft.headers, [field]: header }, changed } };
    });
  }, []);

  const save = useCallback(
    async (kind: SheetKind) => {
      const draft = drafts[kind];
      if (!draft || savingKind) return;
      // Only what the user changed is pinned; headers found by their names keep following the sheet.
      const headers = draft.sheetChanged
        ? {}
        : Object.fromEntries(draft.changed.map((field) => [field, draft.headers[field] ?? null]));
      setSavingKind(kind);
      setError(null);
      try {
        await guard.track(() => service.writeMapping(kind, draft.sheet, headers));
        setSavedKind(kind);
        setGeneration((g) => g + 1);
        onSaved?.();
      } catch (e) {
        setError(errorSentence(e, "saving the column mapping"));
      } finally {
        setSavingKind(null);
      }
    },
    [drafts, savingKind, guard, service, onSaved],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { mapping, drafts, loading, error, savingKind, savedKind, setSheet, setHeader, save, reload };
}
