// Lint setup: eslint-plugin-office-addins' recommended rules (Office.js load/sync discipline, prettier) as errors,
// extended to .tsx and modern syntax, which the plugin's own config leaves out.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const recommended = officeAddins.configs.recommended;
const pluginBlock = recommended.find((block) => block.plugins?.["office-addins"]);

/** The plugin's rules with every warning raised to an error, so `npm run lint` fails on them. */
const rules = Object.fromEntries(
  Object.entries(pluginBlock.rules).map(([name, setting]) => [
    name,
    Array.isArray(setting) ? ["error", ...setting.slice(1)] : setting === "off" ? "off" : "error",
  ]),
);

/** The Node globals our CommonJS config files and scripts use (the `globals` package is not a dependency). */
const nodeGlobals = Object.fromEntries(
  [
    "require",
    "module",
    "exports",
    "__dirname",
    "__filename",
    "process",
    "console",
    "Buffer",
    "URL",
    "setTimeout",
    "clearTimeout",
  ].map((name) => [name, "readonly"]),
);

export default [
  {
    ignores: ["node_modules/", "dist/", "coverage/", "out/", "e2e/screenshots/", "bench/results/", "**/*.d.ts", "tmp/"],
  },
  ...recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: pluginBlock.plugins,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...rules,
      // TypeScript checks names itself (and knows the DOM, Node and Office globals); ESLint's no-undef would not.
      "no-undef": "off",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      ecmaVersion: "latest",
      globals: nodeGlobals,
    },
    rules,
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
  },
  {
    // Node-side code works on ExcelJS objects, which are plain data: the plugin's load/sync checks match names
    // alone (ExcelJS has getCell too), so there they only raise false alarms.
    files: ["src/xlsx/**", "src/cli/**", "examples/**", "bench/**", "scripts/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
];
