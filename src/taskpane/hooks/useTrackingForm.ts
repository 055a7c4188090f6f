/**
 * Enter or View Tracking Info: the chosen client's tracking lines as the sheet holds them, the add/edit
 * form with its checks, and delete behind a confirmation. After a change the counts are taken again.
 */
import { useCallback, useEffect, useState } from "react";
import type { RefreshOutcome, TrackingEntryRow, WorkbookService } from "../../addin/service";
import { errorSentence } from "../errors";
import {
  EMPTY_TRACKING_FORM,
  type FieldErrors,
  type TrackingField,
  type TrackingFormValues,
  trackingToForm,
  validateTracking,
} from "../validation";
import type { WriteGuard } from "../writeGuard";
import type { ChosenClient } from "./useClientView";

/** The form when open: a new line (row null) or the line on a sheet row. */
export interface TrackingEditor {
  readonly row: number | null;
  readonly values: TrackingFormValues;
  readonly errors: FieldErrors<TrackingField>;
}

export interface TrackingFormState {
  /** The client's lines, or null while they load (or when no client is chosen). */
  readonly entries: readonly TrackingEntryRow[] | null;
  readonly loading: boolean;
  readonly editor: TrackingEditor | null;
  readonly saving: boolean;
  readonly error: string | null;
  readonly startAdd: () => void;
  readonly startEdit: (entry: TrackingEntryRow) => void;
  readonly cancel: () => void;
  readonly setValue: <K extends keyof TrackingFormValues>(key: K, value: TrackingFormValues[K]) => void;
  readonly save: () => Promise<void>;
  /** The line awaiting delete confirmation. */
  readonly pendingDelete: TrackingEntryRow | null;
  readonly askDelete: (entry: TrackingEntryRow) => void;
  readonly cancelDelete: () => void;
  readonly confirmDelete: () => Promise<void>;
}

export function useTrackingForm(
  service: WorkbookService,
  client: ChosenClient | null,
  outcome: RefreshOutcome | null,
  guard: WriteGuard,
  afterChange: () => Promise<unknown>,
): TrackingFormState {
  const [entries, setEntries] = useState<readonly TrackingEntryRow[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [editor, setEditor] = useState<TrackingEditor | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendingDelete, setPendingDelete] = useState<TrackingEntryRow | null>(null);
  const key = client?.key ?? null;
  const isNew = client !== null && client.key === null;

  // The list follows the counts: rows move when lines are added or deleted, so each new outcome reloads it.
  useEffect(() => {
    if (isNew) {
      setEntries([]);
      return undefined;
    }
    if (key === null || outcome === null) {
      setEntries(null);
      return undefined;
    }
    let live = true;
    setLoading(true);
    service.listTracking(key).then(
      (list) => {
        if (!live) return;
        setEntries(list);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setEntries([]);
        setLoading(false);
        setError(errorSentence(e, "reading the tracking lines"));
      },
    );
    return () => {
      live = false;
    };
  }, [service, key, isNew, outcome]);

  // Another client: the open form belonged to the previous one.
  useEffect(() => {
    setEditor(null);
    setPendingDelete(null);
    setError(null);
  }, [key, client?.text]);

  const startAdd = useCallback(() => {
    setError(null);
    setEditor({ row: null, values: EMPTY_TRACKING_FORM, errors: {} });
  }, []);
  const startEdit = useCallback((entry: TrackingEntryRow) => {
    setError(null);
    setEditor({ row: entry.row, values: trackingToForm(entry), errors: {} });
  }, []);
  const cancel = useCallback(() => setEditor(null), []);

  const setValue = useCallback(<K extends keyof TrackingFormValues>(k: K, value: TrackingFormValues[K]) => {
    setEditor((e) => {
      if (!e) return e;
      // A field's message goes once the field is changed; the others stay until the next save.
      const errors = { ...e.errors };
      if (k === "countAny") delete errors.codes;
      else delete errors[k as TrackingField];
      return { ...e, values: { ...e.values, [k]: value }, errors };
    });
  }, []);

  const save = useCallback(async () => {
    if (!editor || saving) return;
    const checked = validateTracking(editor.values, client?.text ?? "");
    if (!checked.ok) {
      setEditor({ ...editor, errors: checked.errors });
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const row = editor.row;
      await guard.track(() =>
        row === null ? service.saveTracking(checked.value) : service.saveTracking(checked.value, row),
      );
      setEditor(null);
      await afterChange();
    } catch (e) {
      setError(errorSentence(e, "saving the tracking line"));
    } finally {
      setSaving(false);
    }
  }, [editor, saving, client, guard, service, afterChange]);

  const askDelete = useCallback((entry: TrackingEntryRow) => setPendingDelete(entry), []);
  const cancelDelete = useCallback(() => setPendingDelete(null), []);
  const confirmDelete = useCallback(async () => {
    if (!pendingDelete || saving) return;
    const row = pendingDelete.row;
    setSaving(true);
    setError(null);
    try {
      await guard.track(() => service.deleteTracking(row));
      setPendingDelete(null);
      // Rows below the deleted one move up, so an open form's row would now name another line.
      setEditor(null);
      await afterChange();
    } catch (e) {
      setPendingDelete(null);
      setError(errorSentence(e, "deleting the tracking line"));
    } finally {
      setSaving(false);
    }
  }, [pendingDelete, saving, guard, service, afterChange]);

  return {
    entries,
    loading,
    editor,
    saving,
    error,
    startAdd,
    startEdit,
    cancel,
    setValue,
    save,
    pendingDelete,
    askDelete,
    cancelDelete,
    confirmDelete,
  };
}
