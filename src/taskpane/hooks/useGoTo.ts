/** Go to: selects a problem's cell in the workbook. */
import { useCallback, useState } from "react";
import type { WorkbookService } from "../../addin/service";
import type { Problem } from "../../engine/types";
import { errorSentence } from "../errors";

export interface GoToState {
  readonly goTo: (problem: Problem) => Promise<void>;
  readonly error: string | null;
  readonly dismiss: () => void;
}

export function useGoTo(service: WorkbookService): GoToState {
  const [error, setError] = useState<string | null>(null);
  const goTo = useCallback(
    async (problem: Problem) => {
      setError(null);
      try {
        await service.goTo(problem);
      } catch (e) {
        setError(errorSentence(e, "going to the cell"));
      }
    },
    [service],
  );
  const dismiss = useCallback(() => setError(null), []);
  return { goTo, error, dismiss };
}
