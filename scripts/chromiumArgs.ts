/** Chromium flags for these machines (root, often headless, no network but loopback). */
export const CHROMIUM_BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The same, loading the unpacked extension: used by the demo and by the end-to-end tests alike. */
export function chromiumArgs(dist: string): string[] {
  return [
    ...CHROMIUM_BASE_ARGS,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--window-size=1280,900',
  ];
}
