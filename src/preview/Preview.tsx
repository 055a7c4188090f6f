/** The browser preview: the real task pane beside a grid view of the workbook it works on, all inside this page. */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  webLightTheme,
} from "@fluentui/react-components";
import { type DragEvent, useCallback, useRef, useState, useSyncExternalStore } from "react";
import { App } from "../taskpane/App";
import { Grid } from "./Grid";
import { usePreviewStyles } from "./Preview.styles";
import type { PreviewWorkbook } from "./session";
import { usePreview } from "./usePreview";

export interface PreviewProps {
  /** Where the sample workbook is served, relative to the page. */
  readonly sampleUrl: string;
}

export function Preview({ sampleUrl }: PreviewProps) {
  const styles = usePreviewStyles();
  const preview = usePreview(sampleUrl);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes("Files");
  const onDragEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth.current++;
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void preview.openFile(file);
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <div
        className={styles.root}
        data-dropzone
        onDragEnter={onDragEnter}
        onDragLeave={onDragLeave}
        onDragOver={onDragOver}
        onDrop={onDrop}
      >
        <header className={styles.toolbar}>
          <span className={styles.product}>Session Counting</span>
          <span className={styles.fileName} data-testid="file-name" title={preview.current?.name}>
            {preview.current?.name ?? ""}
          </span>
          <span className={styles.banner} data-testid="preview-banner" role="note">
            Preview — nothing leaves this browser
          </span>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hiddenInput}
            data-testid="open-input"
            aria-label="Open an .xlsx workbook"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = "";
              if (file) void preview.openFile(file);
            }}
          />
          <Button size="small" onClick={() => input.current?.click()}>
            Open workbook…
          </Button>
          <Button size="small" disabled={!preview.current} onClick={() => void preview.download()}>
            Download
          </Button>
        </header>
        {(preview.error || preview.loading) && (
          <div className={styles.messages}>
            {preview.error && (
              <MessageBar intent="error" data-testid="open-error">
                <MessageBarBody>{preview.error}</MessageBarBody>
                <MessageBarActions>
                  <Button size="small" appearance="transparent" onClick={preview.dismissError}>
                    Dismiss
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {preview.loading && preview.current && (
              <MessageBar intent="info">
                <MessageBarBody>{preview.loading}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        )}
        {preview.current ? (
          <Workspace key={preview.generation} current={preview.current} />
        ) : (
          <div className={styles.placeholder}>
            {preview.loading ? <Spinner size="small" label={preview.loading} /> : "Open an .xlsx workbook to begin."}
          </div>
        )}
        {dragging && <div className={styles.dropOverlay}>Drop an .xlsx workbook to open it here</div>}
      </div>
    </FluentProvider>
  );
}

/** One open workbook: the grid follows the stand-in's changes and selection; the pane is the add-in's own App. */
function Workspace({ current }: { current: PreviewWorkbook }) {
  const styles = usePreviewStyles();
  const snapshot = useSyncExternalStore(current.subscribe, current.getSnapshot);
  const onSelectCell = useCallback((sheet: string, address: string) => current.select(sheet, address), [current]);
  const onActiveSheetChange = useCallback((sheet: string) => current.showSheet(sheet), [current]);
  return (
    <div className={styles.main}>
      <div className={styles.sheet}>
        <Grid
          workbook={current.workbook}
          version={snapshot.version}
          activeSheet={snapshot.activeSheet}
          onActiveSheetChange={onActiveSheetChange}
          selection={snapshot.selection}
          onSelectCell={onSelectCell}
        />
      </div>
      <aside className={styles.pane} aria-label="Task pane" data-testid="task-pane">
        <div className={styles.paneTitle}>Session Counting</div>
        <div className={styles.paneBody}>
          <App service={current.service} />
        </div>
      </aside>
    </div>
  );
}
