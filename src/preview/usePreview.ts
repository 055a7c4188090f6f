/** The preview's state and actions: open the sample or a user's file, download the workbook, and errors as one sentence. */
import { useCallback, useEffect, useRef, useState } from "react";
import { WorkbookError } from "../workbook/read";
import { type PreviewWorkbook, XLSX_TYPE, openPreviewWorkbook } from "./session";

export interface PreviewState {
  /** The workbook shown, or null before the first one opened. */
  readonly current: PreviewWorkbook | null;
  /** Grows with each workbook opened, so the pane starts afresh for each. */
  readonly generation: number;
  readonly loading: string | null;
  readonly error: string | null;
}

export interface PreviewActions {
  openFile(file: File): Promise<void>;
  download(): Promise<void>;
  dismissError(): void;
}

/** One sentence for whatever went wrong opening a workbook: the .xlsx edge's own words when it has them. */
export function openError(e: unknown, name: string): string {
  if (e instanceof WorkbookError) return e.message;
  const first = ((e as Error)?.message ?? String(e)).split("\n")[0];
  return `${name} could not be opened: ${first}`;
}

export function usePreview(sampleUrl: string): PreviewState & PreviewActions {
  const [state, setState] = useState<PreviewState>({
    current: null,
    generation: 0,
    loading: "Opening the sample workbook…",
    error: null,
  });
  const latest = useRef(0);

  const open = useCallback(async (load: () => Promise<Uint8Array>, name: string) => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: `Opening ${name}…`, error: null }));
    try {
      const opened = await openPreviewWorkbook(await load(), name);
      if (ticket !== latest.current) return;
      setState((s) => ({ current: opened, generation: s.generation + 1, loading: null, error: null }));
    } catch (e) {
      if (ticket !== latest.current) return;
      // The workbook already open stays open: a bad file never takes the preview down.
      setState((s) => ({ ...s, loading: null, error: openError(e, name) }));
    }
  }, []);

  useEffect(() => {
    const name = decodeURIComponent(sampleUrl.slice(sampleUrl.lastIndexOf("/") + 1));
    void open(async () => {
      const response = await fetch(sampleUrl, { cache: "no-store" });
      if (!response.ok) {
        throw new WorkbookError(
          `The sample workbook ${name} could not be loaded from this server (HTTP ${response.status}).`,
        );
      }
      return new Uint8Array(await response.arrayBuffer());
    }, name);
  }, [open, sampleUrl]);

  const openFile = useCallback(
    (file: File) => open(async () => new Uint8Array(await file.arrayBuffer()), file.name),
    [open],
  );

  const download = useCallback(async () => {
    const current = state.current;
    if (!current) return;
    try {
      const bytes = await current.save();
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      const link = document.createElement("a");
      link.href = url;
      link.download = /\.xlsx$/i.test(current.name) ? current.name : `${current.name}.xlsx`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      // The browser has taken its copy once the click is handled; the URL only holds memory after that.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setState((s) => ({
        ...s,
        error: `The workbook could not be saved: ${((e as Error)?.message ?? String(e)).split("\n")[0]}`,
      }));
    }
  }, [state.current]);

  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  return { ...state, openFile, download, dismissError };
}
