import { z } from 'zod';
import { contract, events, ERROR_CODES, methodNames } from '@shared/contract';

/** `GET /api`: every method with its roles and the JSON Schema of its input, from the same zod schemas. */
export function describeContract() {
  const schema = (type: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(type, { io, unrepresentable: 'any' });
  return {
    app: 'ParkDesk',
    transport: {
      call: 'POST /api/<method> with the JSON input; Authorization: Bearer <token> unless the method is public',
      events: 'GET /api/events (server-sent events) with Authorization: Bearer <token>',
      envelope: '{ ok: true, value } or { ok: false, error: { code, message, params?, fields? } }',
    },
    errorCodes: ERROR_CODES,
    methods: methodNames.map((name) => {
      const def = contract[name];
      return {
        name,
        summary: def.summary,
        access: def.access === 'public' ? 'public' : [...def.access],
        mode: def.mode,
        input: schema(def.input, 'input'),
        output: schema(def.output, 'output'),
      };
    }),
    events: Object.entries(events).map(([name, def]) => ({ name, summary: def.summary, payload: schema(def.payload, 'output') })),
  };
}
