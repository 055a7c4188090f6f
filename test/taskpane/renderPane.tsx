/** Renders the pane over a FakeService, with a user-event session. */
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { FakeService, TODAY } from "./fakeService";

export function renderPane(service = new FakeService(), options: { fakeTimers?: boolean } = {}) {
  const user = userEvent.setup(options.fakeTimers ? { advanceTimers: jest.advanceTimersByTime } : { delay: null });
  const result = render(<App service={service} today={TODAY} />);
  return { service, user, ...result };
}

/** A promise the test settles by hand, to hold a call open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
