/**
 * The chosen client, shared by the Client and Tracking tabs: a searchable picker over the counted clients,
 * a new client typed by name or ID, and the follower that switches client when a Sessions row is selected.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ClientOption, RefreshOutcome, WorkbookService } from "../../addin/service";
import type { LineResult } from "../../engine/types";

/** A client the counts know (by key), or a client typed in the picker that has no tracking line yet. */
export type ClientChoice =
  { readonly kind: "known"; readonly key: string } | { readonly kind: "new"; readonly text: string };

/** The picker's option value for "use the typed text as a new client". */
export const NEW_CLIENT_VALUE = "\u0000new";

/** How many matching clients the picker lists; typing narrows the rest. */
export const MAX_CLIENT_OPTIONS = 50;

export interface ChosenClient {
  /** The client's key in the counts, or null for a new client. */
  readonly key: string | null;
  readonly label: string;
  /** The text a new tracking line puts in the Client cell (the client's ID, else name), or null when unknown. */
  readonly text: string | null;
}

export interface ClientViewState {
  /** The picker's input text: what is typed, else the chosen client's label. */
  readonly inputValue: string;
  readonly setInputText: (text: string) => void;
  /** Matching clients, at most MAX_CLIENT_OPTIONS, and how many more match. */
  readonly options: readonly ClientOption[];
  readonly moreCount: number;
  /** Typed text the picker can offer as a new client, or null. */
  readonly newClientText: string | null;
  readonly choose: (value: string) => void;
  /** The picker's selected option value ("" when none). */
  readonly selectedValue: string;
  readonly client: ChosenClient | null;
  /** The chosen client's tracking lines as counted, in report order. */
  readonly lines: readonly LineResult[];
}

const norm = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();

/** Every word typed appears in the label: "lee ann" finds "Ann Lee (C1001)". */
export function matchesClient(label: string, typed: string): boolean {
  const words = norm(typed)
    .split(" ")
    .filter((w) => w !== "");
  const l = label.toLowerCase();
  return words.every((w) => l.includes(w));
}

export function useClientView(
  service: WorkbookService,
  outcome: RefreshOutcome | null,
  ensureCounted: () => void,
): ClientViewState {
  const [choice, setChoice] = useState<ClientChoice | null>(null);
  const [inputText, setInputText] = useState<string | null>(null);
  const ensure = useRef(ensureCounted);
  ensure.current = ensureCounted;

  useEffect(() => {
    let live = true;
    let unsubscribe: (() => Promise<void>) | null = null;
    service
      .onClientSelected((key) => {
        if (!live) return;
        setChoice({ kind: "known", key });
        setInputText(null);
        ensure.current();
      })
      .then(
        (off) => {
          if (live) unsubscribe = off;
          else void off().catch(() => undefined);
        },
        // Following the selection is a convenience; the picker still works without it.
        () => undefined,
      );
    return () => {
      live = false;
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [service]);

  const clients = useMemo(() => outcome?.clients ?? [], [outcome]);

  // A new client's first line, once counted, makes it a known client: switch to its key.
  useEffect(() => {
    if (choice?.kind !== "new" || !outcome) return;
    const text = norm(choice.text);
    const line = outcome.lines.find(
      (l) => l.clientKey !== null && (norm(l.clientId ?? "") === text || norm(l.clientName ?? "") === text),
    );
    if (line?.clientKey) setChoice({ kind: "known", key: line.clientKey });
  }, [choice, outcome]);

  const { options, moreCount } = useMemo(() => {
    const typed = inputText ?? "";
    const matching = clients.filter((c) => matchesClient(c.label, typed));
    return {
      options: matching.slice(0, MAX_CLIENT_OPTIONS),
      moreCount: Math.max(0, matching.length - MAX_CLIENT_OPTIONS),
    };
  }, [clients, inputText]);

  const typed = inputText?.trim() ?? "";
  const newClientText =
    typed !== "" && !clients.some((c) => norm(c.label) === norm(typed) || norm(c.key) === norm(typed)) ? typed : null;

  const lines = useMemo(
    () => (choice?.kind === "known" && outcome ? outcome.lines.filter((l) => l.clientKey === choice.key) : []),
    [choice, outcome],
  );

  const client = useMemo((): ChosenClient | null => {
    if (!choice) return null;
    if (choice.kind === "new") return { key: null, label: choice.text, text: choice.text };
    const option = clients.find((c) => c.key === choice.key);
    const first = lines[0];
    const text = option?.cellText ?? (first ? (first.clientId ?? first.clientName ?? null) : null);
    return { key: choice.key, label: option?.label ?? "This client", text };
  }, [choice, clients, lines]);

  const choose = useCallback(
    (value: string) => {
      if (value === NEW_CLIENT_VALUE) {
        if (newClientText) setChoice({ kind: "new", text: newClientText });
      } else setChoice({ kind: "known", key: value });
      setInputText(null);
    },
    [newClientText],
  );

  return {
    inputValue: inputText ?? client?.label ?? "",
    setInputText,
    options,
    moreCount,
    newClientText,
    choose,
    selectedValue: choice?.kind === "known" ? choice.key : choice ? NEW_CLIENT_VALUE : "",
    client,
    lines,
  };
}
