/**
 * House rules that a type checker cannot see, checked on every file:
 * - imports flow toward `src/`: the runtime folders never import one another, `src/` imports none of
 *   them, and `server/` imports only `src/`;
 * - `src/` uses no browser globals (the runtimes inject what the core needs);
 * - no HTML strings into the DOM, no eval: `innerHTML`, `outerHTML`, `insertAdjacentHTML`,
 *   `dangerouslySetInnerHTML`, `document.write`, `eval(`, `new Function(`;
 *   (the one exception: the background may name a content script's built file with a `?script` import);
 * - content scripts import no zod at run time (they receive data the background validated).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RUNTIMES = ['content-scripts', 'background', 'options-ui'];
const CHECKED = ['src', ...RUNTIMES, 'server', 'scripts', 'demo', 'bench', 'tests', 'manifest'];

function* files(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|js|mjs)$/.test(e)) yield p;
  }
}

const top = (file: string) => relative(ROOT, file).split(sep)[0] ?? '';
const problems: string[] = [];
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const BANNED: [RegExp, string][] = [
  [/\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/, 'HTML strings into the DOM'],
  [/(?<![\w$.])eval\(|new Function\(/, 'eval / new Function'],
];
const BROWSER_GLOBALS = /\b(chrome|browser)\.(runtime|storage|tabs|scripting)\b|\bwindow\.|\bdocument\.|\blocalStorage\b|\bindexedDB\b/;

let count = 0;
for (const dir of CHECKED) {
  for (const file of files(join(ROOT, dir))) {
    count++;
    const rel = relative(ROOT, file);
    const text = readFileSync(file, 'utf8');
    const from = top(file);
    const lineOf = (i: number) => text.slice(0, i).split('\n').length;
    if (!rel.startsWith(`scripts${sep}lint.ts`)) {
      for (const [re, what] of BANNED) {
        const m = re.exec(text);
        if (m) problems.push(`${rel}:${lineOf(m.index)}: ${what} is not allowed`);
      }
    }
    if (from === 'src') {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const m = BROWSER_GLOBALS.exec(code);
      if (m) problems.push(`${rel}: src/ must not use browser globals ("${m[0]}"): inject it from the runtime`);
    }
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4];
      const typeOnly = m[2] !== undefined;
      if (!spec) continue;
      if (from === 'content-scripts' && spec === 'zod' && !typeOnly) {
        problems.push(`${rel}:${lineOf(m.index)}: content scripts must not bundle zod; validate in the background`);
      }
      // `?script` imports yield a built file's name for chrome.scripting, not code: allowed across folders.
      if (!spec.startsWith('.') || spec.endsWith('?script')) continue;
      const to = top(resolve(file, '..', spec));
      const bad =
        (from === 'src' && to !== 'src') ||
        (RUNTIMES.includes(from) && RUNTIMES.includes(to) && to !== from) ||
        (from === 'server' && to !== 'server' && to !== 'src');
      if (bad) problems.push(`${rel}:${lineOf(m.index)}: ${from}/ must not import from ${to}/ ("${spec}")`);
    }
  }
}

for (const p of problems) console.error(p);
console.log(`lint: ${count} files, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exit(problems.length > 0 ? 1 : 0);
