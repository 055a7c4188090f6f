/** The columns of the Clients, Tracking and Sessions sheets: each field's own name and the headers also accepted (SPEC §2). */

export type SheetKind = "clients" | "tracking" | "sessions";

export interface FieldDef {
  readonly key: string;
  /** The field's own name, as the setup command writes it. */
  readonly label: string;
  /** Other headers accepted, in order of preference. */
  readonly synonyms: readonly string[];
}

export interface SheetDef {
  readonly kind: SheetKind;
  /** The default sheet name. */
  readonly sheet: string;
  readonly fields: readonly FieldDef[];
  /** Each inner list is one requirement: any one of its fields satisfies it. */
  readonly required: readonly (readonly string[])[];
}

/** The client columns of Tracking and Sessions: an ID column wins, a name column serves rows whose ID is blank. */
export const CLIENT_ID_HEADERS = ["Client ID"] as const;
export const CLIENT_GENERIC_HEADERS = ["Client"] as const;
export const CLIENT_NAME_HEADERS = ["Client Name", "Patient", "Patient Name"] as const;

const client: FieldDef = {
  key: "client",
  label: "Client",
  synonyms: ["Client ID", "Client Name", "Patient", "Patient Name"],
};

export const CLIENTS: SheetDef = {
  kind: "clients",
  sheet: "Clients",
  fields: [
    { key: "id", label: "Client ID", synonyms: ["ID", "Client #", "Client Number", "Patient ID", "MRN"] },
    { key: "name", label: "Client Name", synonyms: ["Name", "Patient", "Patient Name"] },
    { key: "insurance", label: "Primary Insurance", synonyms: ["Insurance", "Payer", "Insurance Company"] },
    { key: "memberId", label: "Member ID", synonyms: ["Member #", "Subscriber ID", "Policy Number"] },
  ],
  required: [["id", "name"]],
};

export const TRACKING: SheetDef = {
  kind: "tracking",
  sheet: "Tracking",
  fields: [
    client,
    { key: "trackBy", label: "Track By", synonyms: ["Count By", "Track"] },
    { key: "start", label: "Start Date", synonyms: ["Begin Date", "From", "Start"] },
    { key: "end", label: "End Date", synonyms: ["Through", "To", "End", "Expires", "Expiration Date"] },
    { key: "code", label: "Billing Code", synonyms: ["Code", "Codes", "CPT", "CPT Code", "Service Code"] },
    {
      key: "allowed",
      label: "Allowed",
      synonyms: ["Authorized", "Allowed Sessions", "Allowed Units", "Approved", "Visits Authorized"],
    },
    {
      key: "authorization",
      label: "Authorization #",
      synonyms: ["Auth #", "Authorization", "Authorization Number", "Auth Number", "Prior Auth #", "Prior Auth Number"],
    },
  ],
  required: [["client"], ["start"], ["end"], ["code"], ["allowed"]],
};

export const SESSIONS: SheetDef = {
  kind: "sessions",
  sheet: "Sessions",
  fields: [
    { key: "date", label: "Date", synonyms: ["DOS", "Date of Service", "Service Date", "Session Date"] },
    client,
    { key: "code", label: "Billing Code", synonyms: ["Code", "CPT", "CPT Code", "Service Code", "Procedure Code"] },
    { key: "units", label: "Units", synonyms: ["Unit", "Qty", "Quantity"] },
    { key: "status", label: "Status", synonyms: ["Session Status", "Attendance", "Appointment Status"] },
    {
      key: "priorAuth",
      label: "Prior Auth #",
      synonyms: ["Prior Auth Number", "Auth #", "Authorization #", "Authorization Number", "Prior Authorization"],
    },
    { key: "remaining", label: "Remaining", synonyms: ["Sessions Remaining", "Remaining Sessions", "Remaining Units"] },
  ],
  required: [["date"], ["client"], ["code"]],
};

export const SHEETS: readonly SheetDef[] = [CLIENTS, TRACKING, SESSIONS];

/** Headers match case-insensitively after dropping everything but letters and digits: "Prior Auth #" is "priorauth". */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The label of each requirement, for "missing Billing Code" messages. */
export function requirementLabel(def: SheetDef, requirement: readonly string[]): string {
  return requirement.map((k) => def.fields.find((f) => f.key === k)?.label ?? k).join(" or ");
}
