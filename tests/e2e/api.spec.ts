import { addStaff, expect, must, setUpPark, test } from './fixtures';

test.describe('the station API', () => {
  test('GET /api lists every method with its roles and the JSON Schema of its input', async ({ request, station }) => {
    const response = await request.get(`${station.url}/api`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { methods: Array<{ name: string; access: string | string[]; input: { type: string; properties?: Record<string, unknown> } }> };
    const byName = new Map(body.methods.map((m) => [m.name, m]));
    expect(byName.get('staff.create')?.access).toEqual(['manager', 'admin']);
    expect(byName.get('auth.signIn')?.access).toBe('public');
    expect(byName.get('staff.create')?.input).toMatchObject({
      type: 'object',
      properties: { code: { type: 'string' }, pin: { type: 'string', pattern: '^\\d{4,8}$' }, role: { enum: ['counter', 'broadcast', 'manager', 'admin'] } },
    });
    expect(response.headers()['content-security-policy']).toContain("default-src 'self'");
  });

  test('refuses a call without a session, a wrong role, and bad input with the envelope error', async ({ request, station }) => {
    const admin = await setUpPark(station);
    const noSession = await request.post(`${station.url}/api/staff.list`, { data: {} });
    expect(noSession.status()).toBe(401);
    expect(await noSession.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.signInRequired' } });

    const clerk = await addStaff(station, admin, { code: 'C01', name: 'Clerk', role: 'counter', pin: '1234' });
    const session = await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1234' }));
    const forbidden = await request.post(`${station.url}/api/staff.create`, {
      data: { code: 'X1', name: 'X', role: 'admin', pin: '1111' },
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'errors.roleForbidden', params: { role: 'counter' } } });

    const bad = await request.post(`${station.url}/api/staff.create`, {
      data: { code: '', name: 'Y', role: 'chef', pin: 'abcd' },
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'errors.VALIDATION',
        fields: { code: { key: 'validation.staffCode' }, role: { key: 'validation.invalidOption' }, pin: { key: 'validation.pin' } },
      },
    });
    const notJson = await request.post(`${station.url}/api/staff.list`, { data: '{not json', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } });
    expect(notJson.status()).toBe(400);
    const unknown = await request.post(`${station.url}/api/staff.dance`, { data: {} });
    expect(unknown.status()).toBe(404);

    // Nothing was created by any of these, and the refusals are in the audit log.
    expect((await must(station.api('staff.list', { includeInactive: true }, admin))).map((s) => s.code).sort()).toEqual(['C01', 'M001']);
    const audit = await must(station.api('audit.list', { limit: 50, action: 'access.denied' }, admin));
    expect(audit.rows.map((r) => r.entityId).sort()).toEqual(['staff.create', 'staff.list']);
  });

  test('streams live events to signed-in stations only', async ({ station }) => {
    const admin = await setUpPark(station);
    const refused = await fetch(`${station.url}/api/events`);
    expect(refused.status).toBe(401);
    const abort = new AbortController();
    const stream = await fetch(`${station.url}/api/events`, { headers: { authorization: `Bearer ${admin}` }, signal: abort.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const read = (async () => {
      while (!text.includes('staff.changed')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    })();
    await must(station.api('staff.create', { code: 'L1', name: 'Live', role: 'counter', pin: '1111' }, admin));
    await read;
    abort.abort();
    expect(text).toContain('event: hello');
    expect(text).toMatch(/event: parkdesk\ndata: \{"seq":(\d+),"name":"staff.changed","payload":\{"staffId":\d+\}\}\nid: \1\n/);
  });
});
