/** A small spinner with what the pane is doing, aligned with the text around it. */
import { Spinner } from "@fluentui/react-components";
import { useFormStyles } from "../useFormStyles";

export function BusyLine({ label }: { readonly label: string }) {
  const styles = useFormStyles();
  return <Spinner className={styles.spinner} size="extra-tiny" labelPosition="after" label={label} />;
}
