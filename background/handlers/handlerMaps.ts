import type { z } from 'zod';
import type { AdminRequestSchemas, ContentRequestSchemas, Responses } from '../../src/messages/protocol';

/*
 * The shapes of the two handler maps (one handler per message type, given the parsed request), apart
 * from the maps themselves, so the files that contribute handlers (picker, guidance…) type their part
 * without importing the file that assembles the whole map.
 */

type AdminParsed = { [K in keyof typeof AdminRequestSchemas]: z.output<(typeof AdminRequestSchemas)[K]> };
type ContentParsed = { [K in keyof typeof ContentRequestSchemas]: z.output<(typeof ContentRequestSchemas)[K]> };

export type AdminHandlers = { [K in keyof AdminParsed]: (req: AdminParsed[K]) => Promise<Responses[K]> };
export type ContentHandlers = { [K in keyof ContentParsed]: (req: ContentParsed[K], sender: chrome.runtime.MessageSender) => Promise<Responses[K]> };
