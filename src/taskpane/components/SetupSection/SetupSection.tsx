/** Set up workbook: one button, and which sheets it created and which were already there. */
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2 } from "@fluentui/react-components";
import type { SetupState } from "../../hooks/useSetup";
import { ErrorBar } from "../Notices/Notices";
import { useSetupSectionStyles } from "./useSetupSectionStyles";

export function SetupSection({ setup }: { readonly setup: SetupState }) {
  const styles = useSetupSectionStyles();
  const { outcome } = setup;
  return (
    <section className={styles.root} aria-labelledby="setup-heading">
      <Subtitle2 as="h2" id="setup-heading">
        Set up workbook
      </Subtitle2>
      <Caption1 className={styles.muted}>
        Adds the Clients, Tracking, Sessions and Settings sheets that are missing, with their headers. Sheets already
        there are left as they are.
      </Caption1>
      <Button
        className={styles.button}
        disabled={setup.busy}
        icon={setup.busy ? <Spinner size="tiny" /> : undefined}
        onClick={() => void setup.run()}
      >
        Set up workbook
      </Button>
      {setup.error && <ErrorBar message={setup.error} />}
      {outcome && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            {outcome.created.length > 0 ? `Created: ${outcome.created.join(", ")}.` : "No sheet was missing."}
            {outcome.existing.length > 0 && ` Already there: ${outcome.existing.join(", ")}.`}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
