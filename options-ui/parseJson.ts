/**
 * `JSON.parse` with an error an admin can act on: the line and column of the first problem and what
 * it is. Engines word (and place) syntax errors differently, some without any position, so when the
 * parse fails a small scanner walks the text to find the spot itself.
 */
export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

export function parseJson(text: string): JsonResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, message: 'the file is empty' };
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (e) {
    const found = findSyntaxError(source);
    if (!found) return { ok: false, message: e instanceof Error ? e.message : String(e) };
    const before = source.slice(0, found.at);
    const line = before.split('\n').length;
    return { ok: false, message: found.message, line, column: found.at - (before.lastIndexOf('\n') + 1) + 1 };
  }
}

interface SyntaxProblem {
  at: number;
  message: string;
}

class Stop extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

/** The first syntax error in `s` (as strict JSON), or null when there is none. */
export function findSyntaxError(s: string): SyntaxProblem | null {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Stop({ at, message });
  };
  const show = (at: number) => (at >= s.length ? 'end of file (is it cut short?)' : `"${s[at]}"`);
  const ws = () => {
    while (i < s.length && /[ \t\n\r]/.test(s[i] as string)) i++;
  };
  const literal = (word: string) => {
    if (s.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${show(i)}: expected a value`);
  };
  const string = () => {
    const start = i;
    i++;
    while (i < s.length) {
      const c = s[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const n = s[i + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else fail(`bad escape "\\${n ?? ''}" in a string`);
      } else if (c < ' ') fail(c === '\n' ? 'a string is not closed before the end of the line' : 'control character in a string');
      else i++;
    }
    fail('a string is never closed', start);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
    if (!m || m[0] === '' || m[0] === '-') fail(`unexpected ${show(i)}: expected a value`);
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    if (c === "'") fail('strings must use double quotes (")');
    fail(`unexpected ${show(i)}: expected a value`);
  };
  const object = () => {
    i++;
    ws();
    if (s[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (s[i] === '}') fail('a comma before "}" is not allowed');
      if (s[i] !== '"') fail(`unexpected ${show(i)}: expected a property name in double quotes`);
      string();
      ws();
      if (s[i] !== ':') fail(`unexpected ${show(i)}: expected ":" after the property name`);
      i++;
      value();
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === '}') {
        i++;
        return;
      }
      fail(`unexpected ${show(i)}: expected "," or "}"`);
    }
  };
  const array = () => {
    i++;
    ws();
    if (s[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (s[i] === ']') fail('a comma before "]" is not allowed');
      value();
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === ']') {
        i++;
        return;
      }
      fail(`unexpected ${show(i)}: expected "," or "]"`);
    }
  };
  try {
    value();
    ws();
    if (i < s.length) fail(`unexpected ${show(i)} after the end of the data`);
    return null;
  } catch (e) {
    // Anything else (a stack overflow on absurd nesting) leaves the engine's message to speak.
    return e instanceof Stop ? e.problem : null;
  }
}
