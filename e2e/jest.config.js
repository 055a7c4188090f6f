/** Browser end-to-end tests: the production build served on 127.0.0.1, driven in Debian's Chromium (npm run test:e2e). */
module.exports = {
  rootDir: "..",
  testEnvironment: "node",
  roots: ["<rootDir>/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  globalSetup: "<rootDir>/e2e/globalSetup.ts",
  globalTeardown: "<rootDir>/e2e/globalTeardown.ts",
  testTimeout: 120000,
  // One browser at a time: the scenarios are few, and two Chromiums on a small machine only slow each other down.
  maxWorkers: 1,
};
