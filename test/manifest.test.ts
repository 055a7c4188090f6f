/** The add-in manifest: valid against the Office XSDs offline, plus the rules Office enforces that the schema cannot. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";

const root = path.resolve(__dirname, "..");
const manifestPath = path.join(root, "manifest.xml");
const schemaPath = path.resolve(root, "../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");

const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

type ResourceKind = "Image" | "Url" | "ShortString" | "LongString";

/** Which kind of resource each referring element must point at (elements are named by local name). */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "Image",
  SourceLocation: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  Label: "ShortString",
  Title: "ShortString",
  Description: "LongString",
};

/** Host names the XML manifest accepts (OfficeApp Hosts/Host Name and VersionOverrides Host xsi:type). */
const REAL_HOSTS = ["Document", "Database", "Mailbox", "Notebook", "Presentation", "Project", "Workbook"];

/** Requirement sets an Excel add-in can name; a misspelt set makes Office refuse to load the add-in. */
const REAL_SETS = [
  "ExcelApi",
  "ExcelApiDesktop",
  "ExcelApiOnline",
  "AddinCommands",
  "CustomFunctionsRuntime",
  "DialogApi",
  "IdentityAPI",
  "RibbonApi",
  "SharedRuntime",
  "ImageCoercion",
  "OpenBrowserWindowApi",
];

const xml = readFileSync(manifestPath, "utf8");
const doc = new new JSDOM().window.DOMParser().parseFromString(xml, "application/xml");

function all(localName: string, scope: Document | Element = doc): Element[] {
  return Array.from(scope.getElementsByTagNameNS("*", localName));
}

function one(localName: string, scope: Document | Element = doc): Element {
  const found = all(localName, scope);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0];
}

/** The one direct child of `parent` with this local name. */
function child(localName: string, parent: Element): Element {
  const found = Array.from(parent.children).filter((e) => e.localName === localName);
  if (found.length !== 1)
    throw new Error(`expected one <${localName}> in <${parent.localName}>, found ${found.length}`);
  return found[0];
}

function attr(element: Element, name: string): string {
  const value = element.getAttribute(name);
  if (value === null) throw new Error(`<${element.tagName}> has no ${name} attribute`);
  return value;
}

const resources = one("Resources");
const definedResources: { id: string; kind: ResourceKind; value: string }[] = [
  ...Array.from(one("Images", resources).children).map((e) => ({ kind: "Image" as const, e })),
  ...Array.from(one("Urls", resources).children).map((e) => ({ kind: "Url" as const, e })),
  ...Array.from(one("ShortStrings", resources).children).map((e) => ({ kind: "ShortString" as const, e })),
  ...Array.from(one("LongStrings", resources).children).map((e) => ({ kind: "LongString" as const, e })),
].map(({ kind, e }) => ({ id: attr(e, "id"), kind, value: attr(e, "DefaultValue") }));

/** Every element with a resid attribute, wherever it sits. */
const references = Array.from(doc.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature || bytes.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in the repository that the dev server serves at an https://localhost:3000/... URL. */
function assetFile(url: string): string {
  return path.join(root, decodeURIComponent(new URL(url).pathname));
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  test("validates offline against the Office add-in manifest XSD (xmllint exits 0)", () => {
    expect(existsSync(schemaPath)).toBe(true);
    const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schemaPath, manifestPath], {
      encoding: "utf8",
    });
    if (result.error) {
      throw new Error(
        `xmllint could not be run (${result.error.message}). Install it: apt-get install -y libxml2-utils`,
      );
    }
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
      status: 0,
      stderr: `${manifestPath} validates`,
    });
  });

  test("is a task-pane add-in for Excel workbooks that may read and write the document", () => {
    expect(doc.documentElement.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    expect(attr(one("DisplayName"), "DefaultValue")).toBe("Session Counting");
  });

  test("every resid refers to a defined resource of the kind its element needs", () => {
    expect(references.length).toBeGreaterThan(0);
    const problems = references.flatMap((e) => {
      const resid = attr(e, "resid");
      const wanted = RESID_KIND[e.localName];
      if (!wanted) return [`<${e.tagName} resid="${resid}"> is an element this test does not know`];
      const found = definedResources.filter((r) => r.id === resid);
      if (found.length === 0) return [`<${e.tagName} resid="${resid}"> refers to no resource`];
      if (found.every((r) => r.kind !== wanted)) {
        return [`<${e.tagName} resid="${resid}"> needs a ${wanted}, found ${found.map((r) => r.kind).join(", ")}`];
      }
      return [];
    });
    expect(problems).toEqual([]);
  });

  test("every defined resource is referenced", () => {
    const used = new Set(references.map((e) => attr(e, "resid")));
    expect(definedResources.filter((r) => !used.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  test("resource ids are unique and at most 32 characters", () => {
    const ids = definedResources.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => id.length > 32)).toEqual([]);
  });

  test("group, control and custom tab ids are unique", () => {
    const ids = [...all("Group"), ...all("Control"), ...all("CustomTab")].map((e) => attr(e, "id"));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test("the ribbon group on the Home tab has an Open button and a Refresh report button", () => {
    const tab = one("OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const group = one("Group", tab);
    const label = (e: Element) => definedResources.find((r) => r.id === attr(child("Label", e), "resid"))?.value;
    expect(label(group)).toBe("Session Counting");
    const controls = all("Control", group).map((c) => ({
      label: label(c),
      action: child("Action", c).getAttributeNS(XSI, "type"),
    }));
    expect(controls).toEqual([
      { label: "Open", action: "ShowTaskpane" },
      { label: "Refresh report", action: "ExecuteFunction" },
    ]);
  });

  test("every URL is https", () => {
    const urls = [
      attr(one("SourceLocation", one("DefaultSettings")), "DefaultValue"),
      attr(one("IconUrl"), "DefaultValue"),
      attr(one("HighResolutionIconUrl"), "DefaultValue"),
      attr(one("SupportUrl"), "DefaultValue"),
      ...all("AppDomain").map((e) => e.textContent ?? ""),
      ...definedResources.filter((r) => r.kind === "Url" || r.kind === "Image").map((r) => r.value),
      ...all("Override", resources)
        .filter((e) => e.parentElement?.namespaceURI === BT && /^(Url|Image)$/.test(e.parentElement.localName))
        .map((e) => attr(e, "Value")),
    ];
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(urls.filter((u) => new URL(u).protocol !== "https:")).toEqual([]);
  });

  test("host names are real Office hosts and the add-in targets Workbook", () => {
    const declared = all("Host", child("Hosts", doc.documentElement));
    const names = declared.map((e) => attr(e, "Name"));
    expect(names).toEqual(["Workbook"]);
    const overrideHosts = all("Host", one("VersionOverrides")).map((e) => e.getAttributeNS(XSI, "type"));
    expect(overrideHosts.length).toBeGreaterThan(0);
    expect(overrideHosts.filter((h) => !REAL_HOSTS.includes(h ?? "") || !names.includes(h ?? ""))).toEqual([]);
  });

  test("requirement set names are real and versions read as major.minor", () => {
    const sets = all("Set").map((e) => ({ name: attr(e, "Name"), version: e.getAttribute("MinVersion") ?? "" }));
    expect(sets).toContainEqual({ name: "ExcelApi", version: "1.7" });
    expect(sets.filter((s) => !REAL_SETS.includes(s.name) || !/^\d+\.\d+$/.test(s.version))).toEqual([]);
  });

  test("each icon's PNG in assets/ has the pixel size the manifest states", () => {
    const icons = [
      ...all("Image")
        .filter((e) => e.hasAttribute("resid") && e.hasAttribute("size"))
        .map((e) => {
          const resource = definedResources.find((r) => r.id === attr(e, "resid") && r.kind === "Image");
          if (!resource) throw new Error(`icon ${attr(e, "resid")} has no Image resource`);
          return { url: resource.value, size: Number(attr(e, "size")) };
        }),
      // Office shows IconUrl at 32 px and HighResolutionIconUrl at 64 px.
      { url: attr(one("IconUrl"), "DefaultValue"), size: 32 },
      { url: attr(one("HighResolutionIconUrl"), "DefaultValue"), size: 64 },
    ];
    const problems = icons.flatMap(({ url, size }) => {
      const file = assetFile(url);
      if (!existsSync(file)) return [`${url}: no file ${path.relative(root, file)}`];
      const actual = pngSize(file);
      return actual.width === size && actual.height === size
        ? []
        : [`${url}: stated ${size}x${size}, file is ${actual.width}x${actual.height}`];
    });
    expect(problems).toEqual([]);
  });

  test("the ribbon function named in the manifest is associated in src/commands/commands.ts", () => {
    const names = all("FunctionName").map((e) => e.textContent ?? "");
    expect(names).toEqual(["refreshReport"]);
    const commands = readFileSync(path.join(root, "src/commands/commands.ts"), "utf8");
    for (const name of names) expect(commands).toContain(`Office.actions.associate("${name}"`);
  });

  test("the pages the manifest loads are pages the build produces", () => {
    const pages = definedResources
      .filter((r) => r.kind === "Url")
      .map((r) => new URL(r.value).pathname)
      .concat(new URL(attr(one("SourceLocation", one("DefaultSettings")), "DefaultValue")).pathname);
    const built: Record<string, string> = {
      "/taskpane.html": "src/taskpane/taskpane.html",
      "/commands.html": "src/commands/commands.html",
    };
    expect(pages.filter((p) => !built[p] || !existsSync(path.join(root, built[p])))).toEqual([]);
  });
});
