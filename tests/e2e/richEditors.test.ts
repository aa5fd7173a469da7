import { build } from 'esbuild';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForWaymark } from './support/browser';
import { clickOverlayButton, doc, inOverlay } from './support/guidance';
import { describeInBrowsers, type BrowserUnderTest } from './support/inBrowsers';
import { html, js, servePages, type PageServer } from './support/pageServer';

/**
 * AI assistants type into rich-text editors, not textareas: ChatGPT's and Claude's composers are
 * ProseMirror, Meta's products Lexical, Gemini's Quill. Each keeps the document in its own model and redraws the DOM
 * from it; text put into the DOM behind its back is lost or undone on the next keystroke. A prompt
 * helper's Insert must reach the editor's model, lines as paragraphs, with the real libraries.
 */
const PROSEMIRROR = `
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
const view = new EditorView(document.getElementById('composer'), {
  state: EditorState.create({ schema, plugins: [keymap(baseKeymap)] }),
  attributes: { 'aria-label': 'Message the assistant', 'data-testid': 'composer', role: 'textbox', 'aria-multiline': 'true' },
});
// What the app would send: its model, block by block.
window.modelText = () => { const out = []; view.state.doc.forEach((n) => out.push(n.textContent)); return out; };
`;
const LEXICAL = `
import { createEditor, $getRoot } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
const el = document.getElementById('composer');
const editor = createEditor({ namespace: 'composer', onError: (e) => { throw e; } });
editor.setRootElement(el);
registerPlainText(editor);
window.modelText = () => editor.getEditorState().read(() => $getRoot().getTextContent().split('\\n'));
`;

const QUILL = `
import Quill from 'quill';
const quill = new Quill('#composer', {});
quill.root.setAttribute('aria-label', 'Message the assistant');
quill.root.setAttribute('data-testid', 'composer');
quill.root.setAttribute('role', 'textbox');
// Quill's model always ends with a newline of its own.
window.modelText = () => quill.getText().replace(/\\n$/, '').split('\\n');
`;

type Editor = 'prosemirror' | 'lexical' | 'quill';

const page = (editor: Editor) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Assistant</title>
<style>body { font: 16px system-ui; margin: 40px; } #composer, .ProseMirror, .ql-editor { min-height: 80px; border: 1px solid #999; padding: 8px; white-space: pre-wrap; }</style></head>
<body><h1>Assistant</h1>
${editor === 'lexical' ? '<div id="composer" contenteditable="true" role="textbox" aria-label="Message the assistant" data-testid="composer"></div>' : '<div id="composer"></div>'}
<script src="/${editor}.js"></script></body></html>`;

const TEMPLATE = 'Summarize this ticket for the customer.\nKeep it under 50 words.\nEnd with a question.';
const helper = doc({
  kind: 'prompt',
  id: 'summarize',
  name: 'Summarize for the customer',
  target: { tag: 'div', role: 'textbox', ariaLabel: 'Message the assistant', testId: 'composer' },
  template: TEMPLATE,
  variables: [],
});

let fixture: PageServer;
beforeAll(async () => {
  const bundle = async (source: string) =>
    (await build({ stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' }, bundle: true, write: false, format: 'iife', minify: true, logLevel: 'silent' })).outputFiles[0]!.text;
  fixture = await servePages({
    '/prosemirror': html(page('prosemirror')),
    '/lexical': html(page('lexical')),
    '/quill': html(page('quill')),
    '/quill.js': js(await bundle(QUILL)),
    '/prosemirror.js': js(await bundle(PROSEMIRROR)),
    '/lexical.js': js(await bundle(LEXICAL)),
  });
}, 60_000);
afterAll(async () => {
  await fixture?.close();
});

function richEditors({ send, tab: tabOf }: BrowserUnderTest) {
  let tab: Page;
  beforeAll(async () => {
    tab = tabOf();
    expect(await send({ type: 'admin/guidance/save', guidance: helper })).toMatchObject({ ok: true });
  });

  for (const editor of ['prosemirror', 'lexical', 'quill'] as const) {
    it(`${editor}: Insert puts the prompt in the editor's model, one paragraph per line, and typing goes on after it`, async () => {
      await tab.goto(`${fixture.url}/${editor}`);
      await waitForWaymark(tab);
      await tab.waitForSelector('[data-testid="composer"]');
      await tab.click('[data-testid="composer"]');
      await (await inOverlay(tab, '[data-template="summarize"]')).click();
      await clickOverlayButton(tab, 'Insert');
      const lines = TEMPLATE.split('\n');
      await tab
        .waitForFunction((want) => JSON.stringify((window as unknown as { modelText(): string[] }).modelText()) === want, { timeout: 5000, polling: 50 }, JSON.stringify(lines))
        .catch(() => undefined);
      expect(await tab.evaluate(() => (window as unknown as { modelText(): string[] }).modelText())).toEqual(lines);
      // The editor's caret is after the prompt: the user's next words follow it, in the model too.
      await tab.keyboard.type(' Thanks!');
      await tab.waitForFunction(() => ((window as unknown as { modelText(): string[] }).modelText().at(-1) ?? '').endsWith('Thanks!'), { timeout: 5000, polling: 50 }).catch(() => undefined);
      expect(await tab.evaluate(() => (window as unknown as { modelText(): string[] }).modelText())).toEqual([...lines.slice(0, -1), `${lines.at(-1)} Thanks!`]);
    });
  }
}

describeInBrowsers('prompt helpers in rich-text editors (ProseMirror, Lexical, Quill)', [], richEditors);
