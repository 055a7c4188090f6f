/** How many tracking lines have each status, each count in its status's colored badge. */
import { Badge, Text, mergeClasses } from "@fluentui/react-components";
import type { LineResult, LineStatus } from "../../../engine/types";
import { STATUS_BADGE, STATUS_ORDER } from "../../labels";
import { useStatusSummaryStyles } from "./useStatusSummaryStyles";

/** Lines per status, every status present (0 when none). */
export function countStatuses(lines: readonly LineResult[]): Record<LineStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<LineStatus, number>;
  for (const l of lines) counts[l.status] = (counts[l.status] ?? 0) + 1;
  return counts;
}

export function StatusSummary({ lines }: { readonly lines: readonly LineResult[] }) {
  const styles = useStatusSummaryStyles();
  const counts = countStatuses(lines);
  return (
    <ul className={styles.list} aria-label="Tracking lines by status">
      {STATUS_ORDER.map((status) => {
        const n = counts[status];
        const badge = STATUS_BADGE[status];
        return (
          <li key={status} className={styles.item} aria-label={`${status}: ${n}`}>
            <Badge
              className={styles.count}
              color={badge.color}
              appearance={n === 0 ? "outline" : badge.appearance}
              data-status={status}
            >
              {n}
            </Badge>
            <Text size={200} className={mergeClasses(n === 0 && styles.zero)} truncate wrap={false}>
              {status}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
