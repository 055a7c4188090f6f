/** The words and colors the pane uses for line statuses and problem kinds, in the biller's vocabulary. */
import type { BadgeProps } from "@fluentui/react-components";
import type { LineStatus, ProblemKind } from "../engine/types";

/** Statuses in the order the summary lists them: what needs attention first. */
export const STATUS_ORDER: readonly LineStatus[] = [
  "Over limit",
  "Expired",
  "Depleted",
  "Low",
  "Expiring soon",
  "Not started",
  "Active",
  "Invalid",
];

/** A status's badge: red over the limit, orange when used up or low, gray when over, green when fine. */
export const STATUS_BADGE: Record<LineStatus, Pick<BadgeProps, "color" | "appearance">> = {
  "Over limit": { color: "danger", appearance: "filled" },
  Expired: { color: "informative", appearance: "filled" },
  Depleted: { color: "warning", appearance: "filled" },
  Low: { color: "warning", appearance: "tint" },
  "Expiring soon": { color: "important", appearance: "tint" },
  "Not started": { color: "brand", appearance: "tint" },
  Active: { color: "success", appearance: "filled" },
  Invalid: { color: "severe", appearance: "filled" },
};

/** Problem groups in the order the list shows them, each with a heading a biller understands. */
export const PROBLEM_GROUPS: readonly { readonly kind: ProblemKind; readonly label: string }[] = [
  { kind: "over-authorization", label: "Over the authorization" },
  { kind: "outside-authorization", label: "Outside the authorization" },
  { kind: "prior-auth-mismatch", label: "Prior Auth # that matches nothing" },
  { kind: "invalid-line", label: "Invalid tracking lines" },
  { kind: "unreadable-cell", label: "Cells that can't be read" },
  { kind: "missing-value", label: "Missing values" },
  { kind: "unknown-client", label: "Unknown clients" },
  { kind: "ambiguous-client", label: "Ambiguous clients" },
  { kind: "duplicate-client", label: "Duplicate clients" },
  { kind: "setting", label: "Settings" },
  { kind: "sheet", label: "Sheets" },
];

/** The sheet kinds as the user knows them. */
export const SHEET_KIND_LABEL = { clients: "Clients", tracking: "Tracking", sessions: "Sessions" } as const;
