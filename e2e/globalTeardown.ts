/** After the browser tests: stops the static server globalSetup started. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __e2eServer?: { close(): Promise<void> } };
  await holder.__e2eServer?.close();
  delete holder.__e2eServer;
}
