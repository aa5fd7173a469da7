/**
 * Chromium flags for loading the unpacked extension on these machines (root, often headless, no
 * network but loopback): used by the demo and by the end-to-end tests alike.
 */
export function chromiumArgs(dist: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--window-size=1280,900',
  ];
}
