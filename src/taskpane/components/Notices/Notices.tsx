/** The bars at the top of the pane: a stale report, and a count that failed (with the way to the mapping). */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { PaneError } from "../../hooks/useRefresh";

export interface StaleWarningProps {
  readonly busy: boolean;
  readonly onRefresh: () => void;
  readonly onDismiss: () => void;
}

export function StaleWarning({ busy, onRefresh, onDismiss }: StaleWarningProps) {
  return (
    <MessageBar intent="warning" layout="multiline" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>Report out of date.</MessageBarTitle>
        Sessions or Tracking changed since the last refresh
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss the out-of-date warning"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      >
        <Button disabled={busy} onClick={onRefresh}>
          Refresh now
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export interface ErrorBarProps {
  readonly message: string;
  readonly onDismiss?: () => void;
  /** An action button beside the message, e.g. "Open column mapping". */
  readonly action?: { readonly label: string; readonly onClick: () => void };
}

/** One sentence in an error bar. */
export function ErrorBar({ message, onDismiss, action }: ErrorBarProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
      {(action || onDismiss) && (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button
                appearance="transparent"
                aria-label="Dismiss the error"
                icon={<DismissRegular />}
                onClick={onDismiss}
              />
            ) : undefined
          }
        >
          {action && <Button onClick={action.onClick}>{action.label}</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Turns a counting failure into its bar, offering the column mapping when headers were not found. */
export function CountErrorBar({
  error,
  onDismiss,
  onOpenMapping,
}: {
  readonly error: PaneError;
  readonly onDismiss: () => void;
  readonly onOpenMapping: () => void;
}) {
  return (
    <ErrorBar
      message={error.message}
      onDismiss={onDismiss}
      action={error.mapping ? { label: "Open column mapping", onClick: onOpenMapping } : undefined}
    />
  );
}
