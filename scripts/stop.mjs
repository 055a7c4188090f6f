// npm stop: ends what npm start began: the add-in's sideload in desktop Excel (office-addin-debugging stop) and the
// dev server, by the process id npm start recorded.
import { DEBUGGING, MANIFEST, clearState, isRunning, npx, readState } from "./start.mjs";

function say(text) {
  process.stdout.write(`${text}\n`);
}

async function main() {
  const state = readState();
  if (!state) {
    say("npm start is not running here; nothing to stop.");
    return;
  }
  if (state.sideloaded) {
    const result = npx([DEBUGGING, "stop", MANIFEST]);
    if (result.status !== 0) say("office-addin-debugging stop failed (above); the add-in may still be registered.");
  }
  if (Number.isInteger(state.pid) && isRunning(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    for (let waited = 0; waited < 10000 && isRunning(state.pid); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (isRunning(state.pid)) {
      say(`The dev server (process ${state.pid}) did not stop within 10 s.`);
      process.exitCode = 1;
      return;
    }
  }
  clearState();
  say(`Stopped the add-in's server at ${state.url}.`);
}

main().catch((e) => {
  process.stderr.write(`npm stop: ${e?.message ?? e}\n`);
  process.exit(1);
});
