import { z } from 'zod';
import type { EventCatalogue } from '../../../server/routes/routeDeps';
import { EVENT_TYPES, WaymarkEventSchema, type WaymarkEvent } from '../../../src/schema/event';

const variantType = (o: z.ZodType): string => z.object({ shape: z.object({ type: z.object({ value: z.string() }) }) }).parse(o).shape.type.value;

/**
 * The catalogue of a collector from before `type` existed, or (with `field`) from before that type had
 * that field: the current server code given it is that older collector.
 */
export function olderCatalogue(type: WaymarkEvent['type'], field?: string): EventCatalogue {
  const options = WaymarkEventSchema.options.flatMap((o) => {
    if (variantType(o) !== type) return [o];
    if (field === undefined) return [];
    const shape: Record<string, z.ZodType> = { ...o.shape };
    delete shape[field];
    return [z.strictObject(shape)];
  });
  const schema = z.discriminatedUnion('type', options as unknown as [(typeof WaymarkEventSchema.options)[number]]) as unknown as z.ZodType<WaymarkEvent>;
  return { schema, types: field === undefined ? EVENT_TYPES.filter((t) => t !== type) : EVENT_TYPES };
}
