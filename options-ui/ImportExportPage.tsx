import { useState } from 'preact/hooks';
import type { DocIssue } from '../src/schema/migrate';
import { send } from './api';
import { checkImport } from './checkImport';
import { downloadJson } from './downloadJson';
import { localDate } from './formatTime';
import { GUIDANCE_INFO, GUIDANCE_ORDER } from './guidanceKinds';
import { plural } from './plural';
import { richTextFromHtml } from './richTextFromHtml';
import { routeHref } from './route';

/** Files bigger than this are refused before reading: a bundle of 1000 flows is far smaller. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

type ImportState =
  | { kind: 'idle' }
  | { kind: 'working'; file: string }
  | { kind: 'rejected'; file: string; issues: DocIssue[]; error?: string; byBackground: boolean }
  | { kind: 'done'; file: string; flows: number; features: number; guidance: number; migrated: number; converted: number };

type ExportState = { kind: 'idle' } | { kind: 'working' } | { kind: 'error'; error: string } | { kind: 'done'; text: string };

/**
 * `#/import`: import and export of bundles. An import is checked whole in the page first (JSON syntax,
 * then `readBundle`); if anything is wrong, every problem is listed with its path and nothing is sent,
 * so nothing stored changes. Step bodies written as HTML strings are cleaned (DOMPurify) and converted
 * to rich text before the check (see `convertHtmlBodies`).
 */
export function ImportExportPage() {
  const [imp, setImp] = useState<ImportState>({ kind: 'idle' });
  const [exp, setExp] = useState<ExportState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  const importFile = async (file: File) => {
    setImp({ kind: 'working', file: file.name });
    if (file.size > MAX_FILE_BYTES) {
      return setImp({ kind: 'rejected', file: file.name, byBackground: false, issues: [{ path: 'file', message: `is ${Math.round(file.size / 1048576)} MB; the limit is 20 MB` }] });
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      return setImp({ kind: 'rejected', file: file.name, byBackground: false, issues: [{ path: 'file', message: `could not be read (${e instanceof Error ? e.message : String(e)})` }] });
    }
    const check = checkImport(text, richTextFromHtml);
    if (!check.ok) return setImp({ kind: 'rejected', file: file.name, issues: check.issues, byBackground: false });
    const r = await send({ type: 'admin/bundle/import', bundle: check.bundle });
    if (!r.ok) return setImp({ kind: 'rejected', file: file.name, issues: r.issues ?? [], error: r.error, byBackground: true });
    setImp({ kind: 'done', file: file.name, flows: r.flows, features: r.features, guidance: r.guidance, migrated: r.migrated, converted: check.converted });
  };

  const onFiles = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) void importFile(file);
  };

  const exportAll = async () => {
    setExp({ kind: 'working' });
    const r = await send({ type: 'admin/bundle/export' });
    if (!r.ok) return setExp({ kind: 'error', error: r.error });
    const name = `waymark-bundle-${localDate()}.json`;
    downloadJson(name, r.bundle);
    setExp({ kind: 'done', text: `Exported ${counts(r.bundle.flows.length, r.bundle.features.length, r.bundle.guidance.length)} to ${name}.` });
  };

  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Import / export</h1>
      </div>

      <section class="card" aria-labelledby="import-heading">
        <h2 id="import-heading" class="section-title">
          Import
        </h2>
        <p>
          Import a Waymark bundle (<code>.json</code>) exported from another installation or written by hand. Flows, features and guidance with the same id as stored ones replace
          them. The file is checked as a whole first: if anything in it is wrong, nothing is imported.
        </p>
        <div
          class={`dropzone${dragging ? ' dragging' : ''}`}
          data-testid="import-dropzone"
          onDragEnter={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            onFiles(e.dataTransfer?.files);
          }}
        >
          <label for="import-file" class="field-label">
            Choose a bundle file
          </label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            disabled={imp.kind === 'working'}
            onChange={(e) => {
              onFiles(e.currentTarget.files);
              e.currentTarget.value = ''; // choosing the same file again imports it again
            }}
          />
          <p class="hint">…or drop it here.</p>
        </div>
        <div data-testid="import-result" aria-live="polite" class="import-result">
          <ImportResult state={imp} />
        </div>
        <details class="help">
          <summary>File format</summary>
          <p>
            A bundle is <code>{'{ "format": "waymark-bundle", "exportedAt": "…", "flows": [ … ], "features": [ … ], "guidance": [ … ] }'}</code>; <code>guidance</code> holds prompt helpers, smart tips, beacons and checklists. Documents of older schema versions are migrated on
            import. A step <code>body</code> may be given as an HTML string: it is cleaned and converted to Waymark’s rich text (bold, italic, code, links, lists, paragraphs);
            everything else in it becomes plain text.
          </p>
        </details>
      </section>

      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading" class="section-title">
          Export
        </h2>
        <p>Download every flow, feature and piece of guidance as one bundle file, to back them up or move them to another installation.</p>
        <button type="button" class="btn btn-primary" data-testid="export" disabled={exp.kind === 'working'} onClick={exportAll}>
          {exp.kind === 'working' ? 'Exporting…' : 'Export all'}
        </button>
        <div aria-live="polite" data-testid="export-result">
          {exp.kind === 'done' ? <p class="notice notice-ok">{exp.text}</p> : null}
          {exp.kind === 'error' ? (
            <p class="notice notice-error" role="alert">
              <span aria-hidden="true">⚠ </span>The export failed: {exp.error}
            </p>
          ) : null}
        </div>
      </section>
    </>
  );
}

/** `2 flows and 1 feature`, or `2 flows, 1 feature and 3 pieces of guidance` when there is guidance. */
function counts(flows: number, features: number, guidance: number): string {
  const f = plural(flows, 'flow');
  const t = plural(features, 'feature');
  return guidance === 0 ? `${f} and ${t}` : `${f}, ${t} and ${plural(guidance, 'piece of guidance', 'pieces of guidance')}`;
}

function ImportResult({ state }: { state: ImportState }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'working':
      return <p role="status">Checking {state.file}…</p>;
    case 'done':
      return (
        <div class="notice notice-ok" data-testid="import-success">
          <p>
            <span aria-hidden="true">✓ </span>
            Imported {counts(state.flows, state.features, state.guidance)}
            {state.migrated > 0 ? ` (${state.migrated} migrated from an older version)` : ''}.
          </p>
          {state.converted > 0 ? <p class="hint">{plural(state.converted, 'step body', 'step bodies')} given as HTML were converted to rich text.</p> : null}
          <p>
            <a href="#/flows">See the flows</a>
            {state.guidance > 0 ? (
              <>
                {' · '}
                {GUIDANCE_ORDER.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? ', ' : ''}
                    <a href={routeHref({ page: 'guidance', kind: k })}>{GUIDANCE_INFO[k].plural.toLowerCase()}</a>
                  </span>
                ))}
              </>
            ) : null}
          </p>
        </div>
      );
    case 'rejected':
      return (
        <div class="notice notice-error" data-testid="import-rejected">
          <p class="notice-title">
            <span aria-hidden="true">⚠ </span>
            {state.file} was not imported{state.issues.length > 0 ? `: ${plural(state.issues.length, 'problem')} to fix` : ''}. Nothing was changed.
          </p>
          {state.error ? <p>{state.byBackground ? `The background refused it: ${state.error}` : state.error}</p> : null}
          {state.issues.length > 0 ? (
            <ul class="issue-list">
              {state.issues.map((i, n) => (
                <li key={n} data-testid="import-issue">
                  {`${i.path}: ${i.message}`}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      );
  }
}
