/** Problems grouped by kind in the list's order, and how many of each group are shown (long groups page). */
import { useCallback, useMemo, useState } from "react";
import type { Problem, ProblemKind } from "../../../engine/types";
import { PROBLEM_GROUPS } from "../../labels";

/** Problems a group shows at first, and each "Show more" adds. */
export const PROBLEM_PAGE = 50;

export interface ProblemGroup {
  readonly kind: ProblemKind | "other";
  readonly label: string;
  readonly problems: readonly Problem[];
}

/** Groups in PROBLEM_GROUPS order, empty groups left out; a kind the pane does not know goes under Other. */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const byKind = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = PROBLEM_GROUPS.some((g) => g.kind === p.kind) ? p.kind : "other";
    const list = byKind.get(key) ?? [];
    list.push(p);
    byKind.set(key, list);
  }
  const groups: ProblemGroup[] = PROBLEM_GROUPS.filter((g) => byKind.has(g.kind)).map((g) => ({
    kind: g.kind,
    label: g.label,
    problems: byKind.get(g.kind) ?? [],
  }));
  const other = byKind.get("other");
  if (other) groups.push({ kind: "other", label: "Other", problems: other });
  return groups;
}

export function useProblemsList(problems: readonly Problem[]) {
  const groups = useMemo(() => groupProblems(problems), [problems]);
  const [shown, setShown] = useState<Partial<Record<string, number>>>({});
  const shownOf = useCallback((kind: string) => shown[kind] ?? PROBLEM_PAGE, [shown]);
  const showMore = useCallback(
    (kind: string) => setShown((s) => ({ ...s, [kind]: (s[kind] ?? PROBLEM_PAGE) + PROBLEM_PAGE })),
    [],
  );
  return { groups, shownOf, showMore };
}
