/** The Settings form: read from the workbook on open, checked, and saved back; also the add-in options in force. */
import { useCallback, useEffect, useState } from "react";
import type { WorkbookService } from "../../addin/service";
import type { AddinOptions } from "../../workbook/settings";
import { errorSentence } from "../errors";
import {
  type FieldErrors,
  type SettingsField,
  type SettingsFormValues,
  settingsToForm,
  validateSettings,
} from "../validation";
import type { WriteGuard } from "../writeGuard";

export interface SettingsFormState {
  /** The form, or null until the settings are read. */
  readonly values: SettingsFormValues | null;
  readonly errors: FieldErrors<SettingsField>;
  /** The options as last read or saved: what the pane acts on (Keep up to date). */
  readonly options: AddinOptions;
  readonly saving: boolean;
  readonly saved: boolean;
  readonly error: string | null;
  readonly setValue: <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) => void;
  readonly save: () => Promise<void>;
  readonly reload: () => void;
}

const NO_OPTIONS: AddinOptions = { autoRefresh: false, openWithWorkbook: false };

export function useSettingsForm(
  service: WorkbookService,
  guard: WriteGuard,
  onSaved?: (options: AddinOptions) => void,
): SettingsFormState {
  const [values, setValues] = useState<SettingsFormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors<SettingsField>>({});
  const [options, setOptions] = useState<AddinOptions>(NO_OPTIONS);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    service.readSettings().then(
      (read) => {
        if (!live) return;
        setValues(settingsToForm(read.settings, read.options));
        setOptions(read.options);
        setErrors({});
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(errorSentence(e, "reading the settings"));
      },
    );
    return () => {
      live = false;
    };
  }, [service, generation]);

  const setValue = useCallback(<K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) => {
    setValues((v) => (v ? { ...v, [key]: value } : v));
    setErrors((e) => {
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key as SettingsField];
      return next;
    });
    setSaved(false);
  }, []);

  const save = useCallback(async () => {
    if (!values || saving) return;
    const checked = validateSettings(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await guard.track(() => service.writeSettings(checked.value.settings, checked.value.options));
      setOptions(checked.value.options);
      setSaved(true);
      onSaved?.(checked.value.options);
    } catch (e) {
      setError(errorSentence(e, "saving the settings"));
    } finally {
      setSaving(false);
    }
  }, [values, saving, guard, service, onSaved]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { values, errors, options, saving, saved, error, setValue, save, reload };
}
