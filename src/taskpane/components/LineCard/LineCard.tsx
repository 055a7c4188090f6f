/**
 * One tracking line as the Client Session screen showed it: codes, dates, auth #, allowed, used, scheduled,
 * remaining (yellow, as in the workbook), a bar of what is used or booked, and the status.
 */
import { Badge, Caption1, Card, CardHeader, ProgressBar, Text, mergeClasses } from "@fluentui/react-components";
import type { LineResult } from "../../../engine/types";
import { formatCount, formatDay } from "../../format";
import { STATUS_BADGE } from "../../labels";
import { useLineCardStyles } from "./useLineCardStyles";

/** The bar: used + scheduled over allowed, full when nothing is allowed but something drew; red when over. */
export function lineProgress(line: LineResult): { value: number; max: number; over: boolean } {
  const taken = line.used + line.scheduled;
  const allowed = line.allowed ?? 0;
  const over = line.allowed !== null && taken > line.allowed;
  if (allowed <= 0) return { value: taken > 0 ? 1 : 0, max: 1, over };
  return { value: Math.min(taken, allowed), max: allowed, over };
}

export function lineCodes(line: LineResult): string {
  if (line.any) return "Any";
  return line.codes.length > 0 ? line.codes.join(", ") : "No code";
}

export function LineCard({ line }: { readonly line: LineResult }) {
  const styles = useLineCardStyles();
  const badge = STATUS_BADGE[line.status];
  const unit = line.trackBy === "Units" ? "units" : "sessions";
  const progress = lineProgress(line);
  const taken = line.used + line.scheduled;
  const dates =
    line.start === null && line.end === null ? "No dates" : `${formatDay(line.start)} – ${formatDay(line.end)}`;
  return (
    <Card className={styles.card} size="small" role="group" aria-label={`${lineCodes(line)}, ${dates}`}>
      <CardHeader
        header={
          <Text weight="semibold" className={styles.title}>
            {lineCodes(line)}
          </Text>
        }
        description={<Caption1 className={styles.meta}>{dates}</Caption1>}
        action={
          <Badge className={styles.status} color={badge.color} appearance={badge.appearance}>
            {line.status}
          </Badge>
        }
      />
      <Caption1 className={styles.meta}>
        {`Auth # ${line.authorization ?? "none"} · by ${line.trackBy ?? "?"}`}
        {line.lastSession !== null ? ` · last ${formatDay(line.lastSession)}` : ""}
      </Caption1>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt className={styles.term}>Allowed</dt>
          <dd className={styles.value}>{formatCount(line.allowed)}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>Used</dt>
          <dd className={styles.value}>{formatCount(line.used)}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>Scheduled</dt>
          <dd className={styles.value}>{formatCount(line.scheduled)}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>Remaining</dt>
          <dd className={mergeClasses(styles.value, styles.remaining)} data-testid="remaining">
            {formatCount(line.remaining)}
          </dd>
        </div>
      </dl>
      {line.status !== "Invalid" && (
        <ProgressBar
          value={progress.value}
          max={progress.max}
          color={progress.over ? "error" : line.status === "Low" || line.status === "Depleted" ? "warning" : "brand"}
          thickness="large"
          aria-label={`${formatCount(taken)} of ${formatCount(line.allowed)} ${unit} used or scheduled`}
        />
      )}
      {line.note && <Caption1 className={styles.note}>{line.note}</Caption1>}
    </Card>
  );
}
