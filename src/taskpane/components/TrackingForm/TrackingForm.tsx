/** The add/edit form of a tracking line, with each field's message from the checks. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import type { TrackBy } from "../../../engine/types";
import type { TrackingEditor } from "../../hooks/useTrackingForm";
import type { TrackingFormValues } from "../../validation";
import { useFormStyles } from "../useFormStyles";
import { useTrackingFormStyles } from "./useTrackingFormStyles";

export interface TrackingFormProps {
  readonly editor: TrackingEditor;
  readonly clientLabel: string;
  readonly saving: boolean;
  readonly setValue: <K extends keyof TrackingFormValues>(key: K, value: TrackingFormValues[K]) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

export function TrackingForm({ editor, clientLabel, saving, setValue, onSave, onCancel }: TrackingFormProps) {
  const styles = useTrackingFormStyles();
  const form = useFormStyles();
  const { values, errors } = editor;
  const title = editor.row === null ? "New tracking line" : `Tracking line on row ${editor.row}`;
  return (
    <form
      className={styles.form}
      aria-label={`${title} for ${clientLabel}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <Subtitle2 as="h3">{title}</Subtitle2>
      <Field label="Track By" size="small">
        <RadioGroup
          layout="horizontal"
          value={values.trackBy}
          onChange={(_, data) => setValue("trackBy", data.value as TrackBy)}
        >
          <Radio value="Sessions" label="Sessions" />
          <Radio value="Units" label="Units" />
        </RadioGroup>
      </Field>
      <div className={form.pair}>
        <Field className={form.field} label="Start Date" size="small" required validationMessage={errors.start}>
          <Input
            className={form.control}
            type="date"
            size="small"
            value={values.start}
            onChange={(_, d) => setValue("start", d.value)}
          />
        </Field>
        <Field className={form.field} label="End Date" size="small" required validationMessage={errors.end}>
          <Input
            className={form.control}
            type="date"
            size="small"
            value={values.end}
            onChange={(_, d) => setValue("end", d.value)}
          />
        </Field>
      </div>
      <Field
        label="Billing code(s)"
        size="small"
        validationMessage={errors.codes}
        hint={errors.codes ? undefined : "One or more, e.g. 90837 or 90832-90838, 90846"}
      >
        <Input
          className={form.control}
          size="small"
          disabled={values.countAny}
          value={values.countAny ? "Any" : values.codes}
          onChange={(_, d) => setValue("codes", d.value)}
        />
      </Field>
      <Checkbox
        label="Count Any Session"
        checked={values.countAny}
        onChange={(_, d) => setValue("countAny", d.checked === true)}
      />
      <div className={form.pair}>
        <Field className={form.field} label="Allowed" size="small" required validationMessage={errors.allowed}>
          <Input
            className={form.control}
            size="small"
            inputMode="decimal"
            value={values.allowed}
            onChange={(_, d) => setValue("allowed", d.value)}
          />
        </Field>
        <Field className={form.field} label="Authorization #" size="small">
          <Input
            className={form.control}
            size="small"
            value={values.authorization}
            onChange={(_, d) => setValue("authorization", d.value)}
          />
        </Field>
      </div>
      {errors.client && (
        <MessageBar intent="error">
          <MessageBarBody>{errors.client}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button
          type="submit"
          appearance="primary"
          disabled={saving}
          icon={saving ? <Spinner size="tiny" /> : undefined}
        >
          Save
        </Button>
        <Button disabled={saving} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
