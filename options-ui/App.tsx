import { useCallback, useEffect, useErrorBoundary, useMemo, useRef, useState } from 'preact/hooks';
import { ActivityPage } from './ActivityPage';
import { AppContext, type AppServices } from './appContext';
import { FeatureEditor } from './FeatureEditor';
import { FeaturesPage } from './FeaturesPage';
import { FlowEditor } from './FlowEditor';
import { FlowsPage } from './FlowsPage';
import { GuidanceEditor } from './GuidanceEditor';
import { GUIDANCE_INFO, GUIDANCE_ORDER } from './guidanceKinds';
import { GuidanceListPage } from './GuidanceListPage';
import { ImportExportPage } from './ImportExportPage';
import { LazyInsightsPage } from './LazyInsightsPage';
import { routeHref, sectionOf, type Route, type Section } from './route';
import { SyncPage } from './SyncPage';
import { useRoute } from './useRoute';

const SECTIONS: { section: Section; label: string; href: string }[] = [
  { section: 'flows', label: 'Flows', href: '#/flows' },
  { section: 'features', label: 'Features', href: '#/features' },
  ...GUIDANCE_ORDER.map((k) => ({ section: GUIDANCE_INFO[k].slug, label: GUIDANCE_INFO[k].plural, href: `#/${GUIDANCE_INFO[k].slug}` })),
  { section: 'import', label: 'Import / export', href: '#/import' },
  { section: 'activity', label: 'Activity', href: '#/activity' },
  { section: 'sync', label: 'Sync', href: '#/sync' },
  { section: 'insights', label: 'Insights', href: '#/insights' },
];

const TITLES: Record<Section, string> = {
  flows: 'Flows',
  features: 'Features',
  prompts: GUIDANCE_INFO.prompt.plural,
  tips: GUIDANCE_INFO.tip.plural,
  beacons: GUIDANCE_INFO.beacon.plural,
  checklists: GUIDANCE_INFO.checklist.plural,
  import: 'Import / export',
  activity: 'Activity',
  sync: 'Sync',
  insights: 'Insights',
};

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'flows':
      return <FlowsPage />;
    case 'flow':
      return <FlowEditor id={route.id} step={route.step} pick={route.pick} />;
    case 'features':
      return <FeaturesPage />;
    case 'feature':
      return <FeatureEditor id={route.id} pick={route.pick} />;
    case 'guidance':
      return <GuidanceListPage kind={route.kind} />;
    case 'guidanceItem':
      return <GuidanceEditor kind={route.kind} id={route.id} pick={route.pick} />;
    case 'import':
      return <ImportExportPage />;
    case 'activity':
      return <ActivityPage />;
    case 'sync':
      return <SyncPage />;
    case 'insights':
      return <LazyInsightsPage />;
  }
}

/** The admin's workspace: navigation, the page of the current route, and app-wide services. */
export function App() {
  const dirty = useRef(false);
  const canLeave = useCallback(() => !dirty.current || confirm('You have unsaved changes. Leave this page and discard them?'), []);
  const { route } = useRoute(canLeave);
  const [flashMsg, setFlashMsg] = useState<{ text: string; hash: string } | null>(null);
  const [crash, resetCrash] = useErrorBoundary((e: unknown) => console.error('Waymark options page error', e));
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  const services = useMemo<AppServices>(
    () => ({
      flash: (text, forHash) => setFlashMsg({ text, hash: forHash ?? location.hash }),
      setDirty: (d) => {
        dirty.current = d;
      },
    }),
    [],
  );

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    addEventListener('beforeunload', onBeforeUnload);
    return () => removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const section = sectionOf(route);
  const pageKey = routeHref(route);
  useEffect(() => {
    document.title = `${TITLES[section]} · Waymark`;
    // A message belongs to the page it was shown for (a save may show it on the page it leads to).
    setFlashMsg((m) => (m && m.hash === location.hash ? m : null));
    if (first.current) {
      first.current = false;
      return;
    }
    resetCrash();
    // A new page: move focus to its heading so keyboard and screen-reader users start there.
    requestAnimationFrame(() => mainRef.current?.querySelector<HTMLElement>('h1')?.focus());
  }, [pageKey]);

  const flash = flashMsg?.text ?? null;
  return (
    <AppContext.Provider value={services}>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}>
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true">◆</span> Waymark
        </span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.section}>
                <a href={s.href} aria-current={s.section === section ? 'page' : undefined} data-testid={`nav-${s.section}`}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <div class="flash-area" role="status" aria-live="polite" data-testid="flash">
          {flash ? (
            <p class="flash">
              <span aria-hidden="true">✓ </span>
              {flash}
              <button type="button" class="btn btn-quiet btn-small" aria-label="Dismiss message" onClick={() => setFlashMsg(null)}>
                ✕
              </button>
            </p>
          ) : null}
        </div>
        {crash ? (
          <div class="notice notice-error" role="alert">
            <p class="notice-title">
              <span aria-hidden="true">⚠ </span>Something went wrong on this page.
            </p>
            <p class="mono small">{crash instanceof Error ? crash.message : String(crash)}</p>
            <button type="button" class="btn" onClick={() => location.reload()}>
              Reload the page
            </button>
          </div>
        ) : (
          <Page key={pageKey} route={route} />
        )}
      </main>
    </AppContext.Provider>
  );
}
