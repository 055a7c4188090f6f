/** Enter or View Tracking Info: the chosen client's lines with Edit and Delete, the form, and the delete dialog. */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular } from "@fluentui/react-icons";
import type { TrackingEntryRow } from "../../../addin/service";
import { formatIso } from "../../format";
import type { PaneState } from "../../hooks/usePane";
import { ClientPicker } from "../ClientPicker/ClientPicker";
import { ErrorBar } from "../Notices/Notices";
import { TrackingForm } from "../TrackingForm/TrackingForm";
import { useTrackingViewStyles } from "./useTrackingViewStyles";
import { BusyLine } from "../BusyLine/BusyLine";

/** "90837 · 1/1/2026–6/30/2026" and "12 sessions · Auth # A123". */
export function describeEntry(e: TrackingEntryRow): { title: string; detail: string } {
  const unit = e.trackBy === "Units" ? "units" : "sessions";
  return {
    title: `${e.codes || "No code"} · ${formatIso(e.start) || "?"}–${formatIso(e.end) || "?"}`,
    detail: `${e.allowed} ${unit}${e.authorization ? ` · Auth # ${e.authorization}` : ""} · row ${e.row}`,
  };
}

export function TrackingView({ state }: { readonly state: PaneState }) {
  const styles = useTrackingViewStyles();
  const { clientView, tracking, counts } = state;
  const client = clientView.client;
  const busy = tracking.saving || counts.busy === "refresh";
  const pending = tracking.pendingDelete;
  return (
    <section className={styles.root} aria-label="Enter or View Tracking Info">
      <ClientPicker view={clientView} allowNew />
      {!client && <Text className={styles.muted}>Choose a client, or type a new client's ID or name.</Text>}
      {client && (
        <>
          <Subtitle2 as="h2">{`Tracking lines of ${client.label}`}</Subtitle2>
          {tracking.error && <ErrorBar message={tracking.error} />}
          {tracking.entries === null || tracking.loading ? (
            <BusyLine label="Reading tracking lines…" />
          ) : tracking.entries.length === 0 ? (
            <Text className={styles.muted}>No tracking lines yet.</Text>
          ) : (
            <ul className={styles.list} aria-label="Tracking lines">
              {tracking.entries.map((e) => {
                const d = describeEntry(e);
                return (
                  <li key={e.row} className={styles.entry}>
                    <span className={styles.entryText}>
                      <Text size={200} weight="semibold" className={styles.entryCodes}>
                        {d.title}
                      </Text>
                      <Caption1 className={styles.muted}>{d.detail}</Caption1>
                    </span>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<EditRegular />}
                      aria-label={`Edit row ${e.row}`}
                      title="Edit"
                      disabled={busy}
                      onClick={() => tracking.startEdit(e)}
                    />
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      aria-label={`Delete row ${e.row}`}
                      title="Delete"
                      disabled={busy}
                      onClick={() => tracking.askDelete(e)}
                    />
                  </li>
                );
              })}
            </ul>
          )}
          {tracking.editor ? (
            <TrackingForm
              editor={tracking.editor}
              clientLabel={client.label}
              saving={busy}
              setValue={tracking.setValue}
              onSave={() => void tracking.save()}
              onCancel={tracking.cancel}
            />
          ) : client.text !== null ? (
            <Button className={styles.add} icon={<AddRegular />} disabled={busy} onClick={tracking.startAdd}>
              Add tracking line
            </Button>
          ) : (
            <Text className={styles.muted}>
              To add this client&apos;s first line, type their ID or name in Client and choose New client.
            </Text>
          )}
        </>
      )}
      <Dialog
        open={pending !== null}
        onOpenChange={(_, data) => {
          if (!data.open) tracking.cancelDelete();
        }}
      >
        <DialogSurface aria-describedby="delete-tracking-text">
          <DialogBody>
            <DialogTitle>Delete this tracking line?</DialogTitle>
            <DialogContent id="delete-tracking-text">
              {pending &&
                `Row ${pending.row} of the Tracking sheet (${describeEntry(pending).title}) will be deleted, and the rows below it move up.`}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={tracking.saving} onClick={() => void tracking.confirmDelete()}>
                Delete
              </Button>
              <Button disabled={tracking.saving} onClick={tracking.cancelDelete}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
