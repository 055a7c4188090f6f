/** Client: pick a client (or select a Sessions row in Excel) and see each of their tracking lines as a card. */
import { Button, Caption1, Text } from "@fluentui/react-components";
import { AddRegular, ArrowSyncRegular } from "@fluentui/react-icons";
import { formatDay, plural } from "../../format";
import type { PaneState } from "../../hooks/usePane";
import { ClientPicker } from "../ClientPicker/ClientPicker";
import { LineCard } from "../LineCard/LineCard";
import { useClientViewStyles } from "./useClientViewStyles";
import { BusyLine } from "../BusyLine/BusyLine";

export function ClientView({ state }: { readonly state: PaneState }) {
  const styles = useClientViewStyles();
  const { counts, clientView } = state;
  const { client, lines } = clientView;
  const outcome = counts.outcome;
  return (
    <section className={styles.root} aria-label="Client">
      <ClientPicker view={clientView} />
      <div className={styles.heading}>
        <Caption1 className={styles.caption}>
          {outcome
            ? `${plural(outcome.clients.length, "client")}, counted as of ${formatDay(outcome.asOf)}. Selecting a Sessions row in Excel shows its client.`
            : "Selecting a Sessions row in Excel shows its client."}
        </Caption1>
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowSyncRegular />}
          aria-label="Count again"
          title="Count again"
          disabled={counts.busy !== null || counts.asOf === null}
          onClick={() => void counts.analyze()}
        />
      </div>
      {counts.busy !== null && <BusyLine label="Counting…" />}
      {client && lines[0]?.insurance && <Text size={200}>{`Insurance: ${lines[0].insurance}`}</Text>}
      {client && lines.length === 0 && (
        <>
          <Text>{`${client.label} has no tracking lines yet.`}</Text>
          {client.text !== null && (
            <Button icon={<AddRegular />} onClick={state.addTracking}>
              Add a tracking line
            </Button>
          )}
        </>
      )}
      {client && lines.length > 0 && (
        <ul className={styles.cards} aria-label={`Tracking lines of ${client.label}`}>
          {lines.map((line) => (
            <li key={line.row}>
              <LineCard line={line} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
