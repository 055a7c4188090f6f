/**
 * Column mapping: per sheet kind, which sheet serves it and which header serves each field, with the
 * required columns it lacks called out. Saved to the Settings sheet, so it travels with the workbook.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { forwardRef } from "react";
import type { MappingSheet } from "../../../addin/service";
import type { MappingDraft, MappingViewState } from "../../hooks/useMapping";
import { SHEET_KIND_LABEL } from "../../labels";
import { missingColumns, requiredNote } from "../../validation";
import { ErrorBar } from "../Notices/Notices";
import { useMappingViewStyles } from "./useMappingViewStyles";
import { BusyLine } from "../BusyLine/BusyLine";

/** The option value for "no sheet" and "no header" (a sheet or header can never be named so). */
const NONE = "\u0000none";
const NONE_TEXT = "(none)";

/** Why a sheet kind without a sheet matters: Clients is optional, the other two are not. */
function noSheetMessage(kind: MappingSheet["kind"]): string {
  if (kind === "clients") return "No Clients sheet: clients are known by the text in their Client cells.";
  if (kind === "tracking") return "No Tracking sheet was found; choose the sheet that lists the authorizations.";
  return "No Sessions sheet was found; choose the sheet that lists the sessions.";
}

export const MappingView = forwardRef<HTMLElement, { readonly view: MappingViewState }>(function MappingView(
  { view },
  ref,
) {
  const styles = useMappingViewStyles();
  const { mapping, drafts } = view;
  // Open at first: the sheets that lack something.
  const needy = (mapping?.sheets ?? [])
    .filter((s) => s.kind !== "clients" || s.sheet !== null)
    .filter((s) => s.sheet === null || missingColumns(s, drafts[s.kind]?.headers ?? {}).length > 0)
    .map((s) => s.kind);
  return (
    <section className={styles.root} aria-labelledby="mapping-heading" ref={ref}>
      <Subtitle2 as="h2" id="mapping-heading">
        Column mapping
      </Subtitle2>
      <Caption1 className={styles.muted}>
        Which sheet and which column the add-in reads for each field. Saved in the workbook&apos;s Settings sheet.
      </Caption1>
      {view.error && <ErrorBar message={view.error} />}
      {!mapping ? (
        view.loading && <BusyLine label="Reading the sheets…" />
      ) : (
        <Accordion multiple collapsible defaultOpenItems={needy}>
          {mapping.sheets.map((sheet) => {
            const draft = drafts[sheet.kind];
            return draft ? (
              <SheetMapping
                key={sheet.kind}
                sheet={sheet}
                draft={draft}
                workbookSheets={mapping.workbookSheets}
                view={view}
              />
            ) : null;
          })}
        </Accordion>
      )}
    </section>
  );
});

interface SheetMappingProps {
  readonly sheet: MappingSheet;
  readonly draft: MappingDraft;
  readonly workbookSheets: readonly string[];
  readonly view: MappingViewState;
}

function SheetMapping({ sheet, draft, workbookSheets, view }: SheetMappingProps) {
  const styles = useMappingViewStyles();
  const label = SHEET_KIND_LABEL[sheet.kind];
  const missing = draft.sheetChanged || draft.sheet === null ? [] : missingColumns(sheet, draft.headers);
  const missingFields = new Set(missing.flatMap((m) => m.fields));
  const dirty = draft.sheetChanged || draft.changed.length > 0;
  const saving = view.savingKind === sheet.kind;
  const headerOptions = [...new Set(sheet.headers)];
  const warn = missing.length > 0 || (draft.sheet === null && sheet.kind !== "clients");
  return (
    <AccordionItem value={sheet.kind}>
      <AccordionHeader size="small">
        <span className={styles.header}>
          {label}
          {draft.sheet !== null && draft.sheet !== label && <Caption1 className={styles.muted}>{draft.sheet}</Caption1>}
          {warn && (
            <Badge size="small" color="warning" appearance="tint">
              Needs attention
            </Badge>
          )}
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.panel} role="group" aria-label={`${label} sheet and columns`}>
          <Field label={`${label} sheet`} size="small">
            <Dropdown
              className={styles.dropdown}
              size="small"
              value={draft.sheet ?? NONE_TEXT}
              selectedOptions={[draft.sheet ?? NONE]}
              onOptionSelect={(_, d) =>
                view.setSheet(sheet.kind, d.optionValue === NONE ? null : (d.optionValue ?? null))
              }
            >
              <Option value={NONE} text={NONE_TEXT}>
                {NONE_TEXT}
              </Option>
              {workbookSheets.map((name) => (
                <Option key={name} value={name} text={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {draft.sheet === null && (
            <MessageBar intent={sheet.kind === "clients" ? "info" : "warning"} layout="multiline">
              <MessageBarBody>{noSheetMessage(sheet.kind)}</MessageBarBody>
            </MessageBar>
          )}
          {missing.map((m) => (
            <MessageBar key={m.message} intent="warning" layout="multiline">
              <MessageBarBody>{m.message}</MessageBarBody>
            </MessageBar>
          ))}
          {draft.sheetChanged
            ? draft.sheet !== null && (
                <Text size={200} className={styles.muted}>
                  {`Save to use ${draft.sheet} and read its headers.`}
                </Text>
              )
            : draft.sheet !== null &&
              sheet.fields.map((f) => {
                const header = draft.headers[f.key] ?? null;
                const lacking = missingFields.has(f.key);
                return (
                  <Field
                    key={f.key}
                    label={requiredNote(sheet, f.key) ? `${f.label} (${requiredNote(sheet, f.key)})` : f.label}
                    size="small"
                    validationState={lacking ? "warning" : "none"}
                    validationMessage={lacking ? `No column serves ${f.label}` : undefined}
                  >
                    <Dropdown
                      className={styles.dropdown}
                      size="small"
                      value={header ?? NONE_TEXT}
                      selectedOptions={[header ?? NONE]}
                      onOptionSelect={(_, d) =>
                        view.setHeader(sheet.kind, f.key, d.optionValue === NONE ? null : (d.optionValue ?? null))
                      }
                    >
                      <Option value={NONE} text={NONE_TEXT}>
                        {NONE_TEXT}
                      </Option>
                      {headerOptions.map((h) => (
                        <Option key={h} value={h} text={h}>
                          {h}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                );
              })}
          <div className={styles.buttons}>
            <Button
              size="small"
              appearance="primary"
              disabled={!dirty || saving}
              icon={saving ? <Spinner size="tiny" /> : undefined}
              onClick={() => void view.save(sheet.kind)}
            >
              {`Save ${label} mapping`}
            </Button>
            {view.savedKind === sheet.kind && (
              <Text size={200} className={styles.saved} role="status">
                Saved.
              </Text>
            )}
          </div>
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
