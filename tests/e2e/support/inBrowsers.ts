import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { adminSend, launchWithExtension, readEvents, type ExtensionBrowser } from './browser';
import { firefoxInstalled, launchFirefoxWithExtension, type FirefoxExtension } from './firefox';
import type { Send } from './topLayerProbe';

/** One browser a suite runs in: its messages to the background, a tab of its own, and its waits. */
export interface BrowserUnderTest {
  /** Sends an admin message as the options page does. */
  send: Send;
  /** The suite's tab (opened before its tests). */
  tab(): Page;
  /** How long a step may take to show there (Firefox is slower to start a content script). */
  timeout: number;
  /** Every stored event, in sequence order. */
  events(): Promise<Array<Record<string, unknown>>>;
}

/**
 * Runs `body` as a suite in Chromium and in Firefox ESR (skipped only where Firefox is not installed,
 * outside CI), each with the extension loaded, `flows` saved, and a tab open.
 */
export function describeInBrowsers(title: string, flows: readonly Record<string, unknown>[], body: (b: BrowserUnderTest) => void): void {
  describe(`Chromium: ${title}`, () => {
    let ext: ExtensionBrowser;
    let tab: Page;
    beforeAll(async () => {
      ext = await launchWithExtension();
      for (const flow of flows) expect(await adminSend(ext, { type: 'admin/flows/save', flow })).toMatchObject({ ok: true });
      tab = await ext.browser.newPage();
    });
    afterAll(async () => {
      await ext?.close();
    });
    body({ send: (message) => adminSend(ext, message), tab: () => tab, timeout: 15_000, events: () => readEvents(ext, { via: 'page' }) });
  });
  describe.skipIf(!firefoxInstalled() && process.env.CI !== 'true')(`Firefox ESR: ${title}`, () => {
    let ff: FirefoxExtension;
    let tab: Page;
    beforeAll(async () => {
      ff = await launchFirefoxWithExtension();
      for (const flow of flows) expect(await ff.send({ type: 'admin/flows/save', flow })).toMatchObject({ ok: true });
      tab = await ff.browser.newPage();
    }, 120_000);
    afterAll(async () => {
      await ff?.close();
    });
    body({ send: (message) => ff.send(message), tab: () => tab, timeout: 20_000, events: () => ff.readEvents() });
  });
}

/** A published flow started by link (`?waymark-flow=<id>`) on any page of 127.0.0.1, with `steps`. */
export function testFlow(id: string, name: string, steps: readonly Record<string, unknown>[]): Record<string, unknown> {
  return {
    schemaVersion: 2,
    kind: 'flow',
    id,
    name,
    version: 1,
    status: 'published',
    match: ['http://127.0.0.1/*'],
    start: 'manual',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps,
  };
}
