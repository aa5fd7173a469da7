import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { openDatabase } from '../../../server/db/openDatabase';
import { listen } from '../../../server/listen';
import { EVENT_TYPES, type EventType } from '../../../src/schema/event';
import { olderCatalogue } from '../../server/support/olderCatalogue';

/*
 * A collector process from before the event type named by `WAYMARK_TEST_WITHOUT_TYPE`: the current
 * server code over a catalogue without that type, configured like `server/main.ts` (PORT, HOST,
 * DATA_DIR), closing its storage on SIGTERM. For the e2e tests only.
 */
const without = process.env.WAYMARK_TEST_WITHOUT_TYPE;
const type = EVENT_TYPES.find((t): t is EventType => t === without);
if (!type) throw new Error(`WAYMARK_TEST_WITHOUT_TYPE must name an event type, got ${JSON.stringify(without)}`);

const config = loadConfig();
const sql = await openDatabase(config, { waitForMs: 60_000, lockWaitMs: 5_000, log: (l) => console.log(`[older] ${l}`) });
const server = await listen(createApp({ sql, limits: config, events: olderCatalogue(type) }), { port: config.port, host: config.host });
console.log(`[older] listening on ${server.url}, without ${type}`);
process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => sql.close())
    .then(() => process.exit(0));
});
