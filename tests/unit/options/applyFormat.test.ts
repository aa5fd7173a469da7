import { describe, expect, it } from 'vitest';
import { applyFormat, type FormatCommand } from '../../../src/richText/applyFormat';

/** Applies a command to text whose selection is marked with [ and ]; returns the result marked the same way. */
function run(marked: string, cmd: FormatCommand): string {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  const text = marked.replace('[', '').replace(']', '');
  const e = applyFormat(text, start, end, cmd);
  const out = text.slice(0, e.from) + e.insert + text.slice(e.to);
  return `${out.slice(0, e.selectionStart)}[${out.slice(e.selectionStart, e.selectionEnd)}]${out.slice(e.selectionEnd)}`;
}

describe('applyFormat', () => {
  it('wraps the selection, leaving its surrounding spaces outside', () => {
    expect(run('Press [Save ]now', 'bold')).toBe('Press **[Save]** now');
    expect(run('an [important] step', 'italic')).toBe('an *[important]* step');
    expect(run('type [npm ci]', 'code')).toBe('type `[npm ci]`');
  });

  it('unwraps an already wrapped selection, inside or outside the marks', () => {
    expect(run('a **[b]** c', 'bold')).toBe('a [b] c');
    expect(run('a [**b**] c', 'bold')).toBe('a [b] c');
    expect(run('a *[b]* c', 'italic')).toBe('a [b] c');
  });

  it('does not take bold for italic', () => {
    expect(run('a **[b]** c', 'italic')).toBe('a ***[b]*** c');
  });

  it('inserts a selected placeholder when nothing is selected', () => {
    expect(run('x []y', 'bold')).toBe('x **[bold text]**y');
  });

  it('makes links, selecting what the admin has to type next', () => {
    const text = 'see the docs';
    const e = applyFormat(text, 4, 12, 'link');
    const out = text.slice(0, e.from) + e.insert + text.slice(e.to);
    expect(out).toBe('see [the docs](https://)');
    expect(out.slice(e.selectionStart, e.selectionEnd)).toBe('https://');
    const url = 'go https://example.com/x';
    const u = applyFormat(url, 3, url.length, 'link');
    const outU = url.slice(0, u.from) + u.insert + url.slice(u.to);
    expect(outU).toBe('go [link text](https://example.com/x)');
    expect(outU.slice(u.selectionStart, u.selectionEnd)).toBe('link text');
  });

  it('turns lines into list items and back', () => {
    expect(run('Intro\n[one\ntwo]\nafter', 'bulletList')).toBe('Intro\n[- one\n- two]\n\nafter');
    expect(run('[- one\n- two]', 'bulletList')).toBe('[one\ntwo]');
    expect(run('[a\n\nb]', 'orderedList')).toBe('[1. a\n\n2. b]');
    expect(run('[- a]', 'orderedList')).toBe('[1. a]');
    expect(run('x\n[]', 'bulletList')).toBe('x\n- []');
  });
});
