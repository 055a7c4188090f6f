/** Settings: the counting settings, the column mapping and workbook set-up. */
import { Divider } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { PaneState } from "../../hooks/usePane";
import { MappingView } from "../MappingView/MappingView";
import { SettingsForm } from "../SettingsForm/SettingsForm";
import { SetupSection } from "../SetupSection/SetupSection";

export function SettingsTab({ state }: { readonly state: PaneState }) {
  const mappingRef = useRef<HTMLElement>(null);
  const { mappingFocus, mappingFocused } = state;
  // Sent here by a refresh that found no headers: bring the mapping into view.
  useEffect(() => {
    if (!mappingFocus) return;
    mappingRef.current?.scrollIntoView?.({ block: "start" });
    mappingFocused();
  }, [mappingFocus, mappingFocused]);
  return (
    <>
      <SettingsForm form={state.settings} />
      <Divider />
      <MappingView view={state.mapping} ref={mappingRef} />
      <Divider />
      <SetupSection setup={state.setup} />
    </>
  );
}
