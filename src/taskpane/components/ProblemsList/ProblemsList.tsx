/** Every problem of the last count, grouped by kind with counts; each with its message and a Go to. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  CounterBadge,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import type { Problem } from "../../../engine/types";
import { useProblemsList } from "./useProblemsList";
import { useProblemsListStyles } from "./useProblemsListStyles";

export interface ProblemsListProps {
  readonly problems: readonly Problem[];
  readonly onGoTo: (problem: Problem) => void;
}

/** Where a problem is, in words: "Sessions, row 14, Date". */
export function problemPlace(p: Problem): string {
  return [p.sheet, p.row !== null ? `row ${p.row}` : null, p.column].filter((s) => s).join(", ");
}

export function ProblemsList({ problems, onGoTo }: ProblemsListProps) {
  const styles = useProblemsListStyles();
  const { groups, shownOf, showMore } = useProblemsList(problems);
  return (
    <section className={styles.root} aria-labelledby="problems-heading">
      <Subtitle2 as="h2" id="problems-heading">
        Problems{problems.length > 0 ? ` (${problems.length})` : ""}
      </Subtitle2>
      {problems.length === 0 ? (
        <Text className={styles.none}>No problems found.</Text>
      ) : (
        <Accordion multiple collapsible>
          {groups.map((g) => {
            const shown = shownOf(g.kind);
            return (
              <AccordionItem key={g.kind} value={g.kind}>
                <AccordionHeader size="small" button={{ "aria-label": `${g.label}: ${g.problems.length}` }}>
                  <span className={styles.header}>
                    <span className={styles.headerLabel}>{g.label}</span>
                    <CounterBadge count={g.problems.length} overflowCount={9999} size="small" color="informative" />
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {g.problems.slice(0, shown).map((p, i) => (
                      <li key={i} className={styles.item}>
                        <Text size={200}>{p.message}</Text>
                        <span className={styles.where}>
                          <Caption1>{problemPlace(p)}</Caption1>
                          {p.row !== null && (
                            <Button
                              className={styles.goTo}
                              size="small"
                              appearance="transparent"
                              aria-label={`Go to ${problemPlace(p)}`}
                              onClick={() => onGoTo(p)}
                            >
                              Go to
                            </Button>
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {g.problems.length > shown && (
                    <Button size="small" appearance="subtle" onClick={() => showMore(g.kind)}>
                      Show more ({g.problems.length - shown} left)
                    </Button>
                  )}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}
