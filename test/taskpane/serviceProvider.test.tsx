/** @jest-environment jsdom */
import "./setup";
import { UserFacingError } from "../../src/addin/service";
import { OfficeWorkbookService } from "../../src/excel/service";
import { getService } from "../../src/taskpane/serviceProvider";
import { FakeService } from "./fakeService";

describe("getService", () => {
  afterEach(() => {
    delete (window as unknown as { __sessionCountingService?: unknown }).__sessionCountingService;
  });

  test("with no service on the page, says where to open the pane", () => {
    expect(() => getService()).toThrow(/Open this pane in Excel, or open the preview page/);
    expect(() => getService()).toThrow(UserFacingError);
  });

  test("inside Excel, the Office.js edge over Excel's own namespace", () => {
    const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    g.Excel = { run: () => Promise.resolve() };
    try {
      expect(getService()).toBeInstanceOf(OfficeWorkbookService);
    } finally {
      delete g.Office;
      delete g.Excel;
    }
  });

  test("inside an Excel too old for the add-in, one sentence says so", () => {
    const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
    g.Office = { context: { requirements: { isSetSupported: () => false } } };
    g.Excel = { run: () => Promise.resolve() };
    try {
      expect(() => getService()).toThrow(/does not support the Excel API 1.7/);
    } finally {
      delete g.Office;
      delete g.Excel;
    }
  });

  test("returns the service the page was given", () => {
    const service = new FakeService();
    (window as unknown as { __sessionCountingService: FakeService }).__sessionCountingService = service;
    expect(getService()).toBe(service);
  });
});
