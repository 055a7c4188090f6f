/** @jest-environment jsdom */
import "./setup";
import { UserFacingError } from "../../src/addin/service";
import { getService } from "../../src/taskpane/serviceProvider";
import { FakeService } from "./fakeService";

describe("getService", () => {
  afterEach(() => {
    delete (window as unknown as { __sessionCountingService?: unknown }).__sessionCountingService;
  });

  test("with no service on the page, says where to open the pane", () => {
    expect(() => getService()).toThrow(new UserFacingError("Open this pane in Excel or in the preview"));
    expect(() => getService()).toThrow(UserFacingError);
  });

  test("returns the service the page was given", () => {
    const service = new FakeService();
    (window as unknown as { __sessionCountingService: FakeService }).__sessionCountingService = service;
    expect(getService()).toBe(service);
  });
});
