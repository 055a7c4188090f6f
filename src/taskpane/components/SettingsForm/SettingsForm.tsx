/** The Settings sheet's settings and the add-in's options, as a form. */
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  Textarea,
} from "@fluentui/react-components";
import type { DateOrder } from "../../../engine/dates";
import type { SettingsFormState } from "../../hooks/useSettingsForm";
import { ErrorBar } from "../Notices/Notices";
import { useFormStyles } from "../useFormStyles";
import { useSettingsFormStyles } from "./useSettingsFormStyles";
import { BusyLine } from "../BusyLine/BusyLine";

export function SettingsForm({ form: state }: { readonly form: SettingsFormState }) {
  const styles = useSettingsFormStyles();
  const form = useFormStyles();
  const { values, errors, setValue } = state;
  return (
    <form
      className={styles.form}
      aria-labelledby="settings-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void state.save();
      }}
    >
      <Subtitle2 as="h2" id="settings-heading">
        Counting settings
      </Subtitle2>
      {state.error && <ErrorBar message={state.error} />}
      {values === null ? (
        !state.error && <BusyLine label="Reading settings…" />
      ) : (
        <>
          <Field label="Count Any excludes" size="small" hint="Codes an Any line does not count, comma-separated">
            <Textarea
              size="small"
              resize="vertical"
              rows={2}
              placeholder="None"
              value={values.countAnyExcludes}
              onChange={(_, d) => setValue("countAnyExcludes", d.value)}
            />
          </Field>
          <Field label="Not counted statuses" size="small" hint="Session statuses that never count, comma-separated">
            <Textarea
              size="small"
              resize="vertical"
              rows={2}
              placeholder="None"
              value={values.notCountedStatuses}
              onChange={(_, d) => setValue("notCountedStatuses", d.value)}
            />
          </Field>
          <div className={form.pair}>
            <Field
              className={form.field}
              label="Low remaining at"
              size="small"
              validationMessage={errors.lowRemainingAt}
            >
              <Input
                className={form.control}
                size="small"
                inputMode="decimal"
                value={values.lowRemainingAt}
                onChange={(_, d) => setValue("lowRemainingAt", d.value)}
              />
            </Field>
            <Field
              className={form.field}
              label="Expiring within days"
              size="small"
              validationMessage={errors.expiringWithinDays}
            >
              <Input
                className={form.control}
                size="small"
                inputMode="numeric"
                value={values.expiringWithinDays}
                onChange={(_, d) => setValue("expiringWithinDays", d.value)}
              />
            </Field>
          </div>
          <Field label="Date order" size="small" hint="How dates typed as text are read">
            <RadioGroup
              layout="horizontal"
              value={values.dateOrder}
              onChange={(_, d) => setValue("dateOrder", d.value as DateOrder)}
            >
              <Radio value="MDY" label="M/D/Y" />
              <Radio value="DMY" label="D/M/Y" />
            </RadioGroup>
          </Field>
          <Switch
            label="Keep up to date: refresh when Sessions or Tracking change"
            checked={values.autoRefresh}
            onChange={(_, d) => setValue("autoRefresh", d.checked)}
          />
          <Switch
            label="Open with this workbook"
            checked={values.openWithWorkbook}
            onChange={(_, d) => setValue("openWithWorkbook", d.checked)}
          />
          <div className={styles.buttons}>
            <Button
              type="submit"
              appearance="primary"
              disabled={state.saving}
              icon={state.saving ? <Spinner size="tiny" /> : undefined}
            >
              Save settings
            </Button>
            {state.saved && (
              <Text className={styles.saved} role="status">
                Settings saved.
              </Text>
            )}
          </div>
        </>
      )}
    </form>
  );
}
