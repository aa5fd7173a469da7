import { describe, expect, it } from 'vitest';
import { analyzeToken, isGeneratedToken, looksHashed } from '../../../src/targeting/generatedTokens';

describe('generated ids and class names', () => {
  it.each([
    ['css-1x2y3z', 'emotion'],
    ['css-kbxzqa', 'emotion hash without digits'],
    ['sc-bdVaJa', 'styled-components'],
    ['kZdhPz', 'styled-components second class'],
    ['ember123', 'Ember counter'],
    [':r3:', 'React useId'],
    [':R1ab:', 'React useId (tree id)'],
    ['«r7»', 'React 19.1 useId'],
    ['radix-:r2:', 'Radix id'],
    ['jss123', 'JSS'],
    ['svelte-1abc23', 'Svelte'],
    ['ng-tns-c12-3', 'Angular animations'],
    ['x1n2onr6', 'StyleX atomic'],
    ['ext-gen1234', 'Ext JS'],
    ['yui_3_5_1_1_1379', 'YUI'],
    ['3fa85f64-5717-4562-b3fc-2c963f66afa6', 'UUID'],
    ['12345', 'number'],
  ])('%s (%s) is fully generated', (token) => {
    expect(analyzeToken(token)).toEqual({ stable: '', generated: 'full' });
  });

  it.each([
    ['Button_primary__a8f3k', 'button-primary'],
    ['_button_1x2y3_12', 'button'],
    ['css-1x2y3z-Button', 'button'],
    ['mat-input-7', 'mat-input'],
    ['makeStyles-root-12', 'root'],
    ['headlessui-menu-button-:r1:', 'menu-button'],
  ])('%s keeps its written part %s', (token, stable) => {
    expect(analyzeToken(token)).toEqual({ stable, generated: 'partial' });
  });

  it.each(['save-button', 'btn-primary', 'contact-form__email--invalid', 'MuiButton-root', 'h1', 'navbar-brand', 'isOpen', 'Speichern'])(
    '%s is written by a developer',
    (token) => {
      expect(isGeneratedToken(token)).toBe(false);
      expect(analyzeToken(token).stable).toBe(token.toLowerCase().replace(/_+|-+/g, '-'));
    },
  );

  it('recognises hash shapes without a framework list', () => {
    expect(looksHashed('a8f3k')).toBe(true);
    expect(looksHashed('bdVaJa')).toBe(true);
    expect(looksHashed('3fa85f64')).toBe(true);
    expect(looksHashed('xkcdqz')).toBe(true);
    expect(looksHashed('primary')).toBe(false);
    expect(looksHashed('myButton')).toBe(false);
    expect(looksHashed('col2')).toBe(false);
  });
});
