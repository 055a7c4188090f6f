/** A searchable client picker: type part of a name or ID, choose from the matches, or start a new client. */
import { Combobox, Field, Option } from "@fluentui/react-components";
import { type ClientViewState, NEW_CLIENT_VALUE } from "../../hooks/useClientView";

export interface ClientPickerProps {
  readonly view: ClientViewState;
  /** Offer the typed text as a new client (the Tracking tab adds its first line). */
  readonly allowNew?: boolean;
  readonly disabled?: boolean;
}

export function ClientPicker({ view, allowNew = false, disabled = false }: ClientPickerProps) {
  const offerNew = allowNew && view.newClientText !== null;
  return (
    <Field label="Client" size="small">
      <Combobox
        freeform
        size="small"
        disabled={disabled}
        placeholder="Type a name or ID"
        value={view.inputValue}
        selectedOptions={view.selectedValue ? [view.selectedValue] : []}
        onChange={(e) => view.setInputText(e.target.value)}
        onOptionSelect={(_, data) => {
          if (data.optionValue) view.choose(data.optionValue);
        }}
      >
        {view.options.map((c) => (
          <Option key={c.key} value={c.key} text={c.label}>
            {c.label}
          </Option>
        ))}
        {view.moreCount > 0 && (
          <Option disabled value="\u0000more" text="">
            {`${view.moreCount} more: keep typing to narrow`}
          </Option>
        )}
        {offerNew && (
          <Option value={NEW_CLIENT_VALUE} text={view.newClientText ?? ""}>
            {`New client: ${view.newClientText}`}
          </Option>
        )}
        {view.options.length === 0 && !offerNew && (
          <Option disabled value="\u0000none" text="">
            No client matches
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
