import { launchWithExtension, openExtensionPage } from '../tests/e2e/support/browser';
const ext = await launchWithExtension();
const p = await openExtensionPage(ext, `options-ui/index.html#/${process.argv[2] ?? 'prompts/new'}`);
await p.setViewport({ width: 1280, height: 2400 });
await new Promise((r) => setTimeout(r, 1000));
if (process.argv[3]) { await p.click('[data-testid="prompt-template"]'); await p.keyboard.type(process.argv[3]); await new Promise((r) => setTimeout(r, 300)); }
await p.screenshot({ path: `/tmp/ga/${(process.argv[2] ?? 'x').replace(/\//g, '_')}.png`, fullPage: true });
await ext.close();
