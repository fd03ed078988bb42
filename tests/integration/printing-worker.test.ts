import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '@shared/contract/printing';
import { layoutDocument } from '@shared/printing/layout';
import { DEFAULT_PRINTER_SETTINGS, type PrinterSettings } from '@shared/printing/settings';
import { ManualClock } from '../../electron/core/clock';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { deviceDriver, PrinterError, tcpDriver } from '../../electron/core/printing/drivers';
import { renderEscpos } from '../../electron/core/printing/escpos';
import { enqueuePrint, getJob, listJobs, reprint, waitingCount } from '../../electron/core/printing/outbox';
import { createPrintWorker, PROBE_EVERY_MS, type PrintWorkerOptions } from '../../electron/core/printing/worker';
import { MORNING, tempDir } from '../support/core';
import { decodeEscpos, sampleReceipt, VirtualPrinter } from '../support/virtualPrinter';

const printers: VirtualPrinter[] = [];
afterEach(async () => {
  while (printers.length) await printers.pop()?.stop();
});

interface Rig {
  db: Db;
  dir: string;
  clock: ManualClock;
  printer: VirtualPrinter;
  settings: PrinterSettings;
  statuses: PrinterStatus[];
  worker: ReturnType<typeof createPrintWorker>;
  enqueue(ref: string): number;
}

/** A migrated database in a temp folder, a virtual printer on loopback and a worker aimed at it (58 mm paper). */
async function rig(overrides: Partial<PrintWorkerOptions> = {}): Promise<Rig> {
  const dir = tempDir();
  const db = openDatabase({ file: join(dir, 'parkdesk.sqlite') });
  const clock = new ManualClock(MORNING);
  const printer = await VirtualPrinter.start();
  printers.push(printer);
  const statuses: PrinterStatus[] = [];
  const state: Rig = {
    db,
    dir,
    clock,
    printer,
    statuses,
    settings: { ...DEFAULT_PRINTER_SETTINGS, paperWidth: 58, connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port } },
    worker: undefined as unknown as Rig['worker'],
    enqueue: (ref) => enqueuePrint(db, { document: sampleReceipt(ref), createdBy: null, now: clock.now() }),
  };
  state.worker = createPrintWorker({
    db,
    clock,
    dataDir: dir,
    readPrinterSettings: () => state.settings,
    timeZone: () => 'Asia/Shanghai',
    onChange: (status) => statuses.push(status),
    ...overrides,
  });
  return state;
}

const line = (text: string, align: 'left' | 'center' | 'right' = 'left', bold = false, size: 'normal' | 'double' | 'tall' = 'normal') => ({ text, align, bold, size });

/** The sample receipt as it must come out of a 58 mm printer, line by line. */
const SAMPLE_ON_58MM = [
  line('阳光水世界', 'center', true, 'double'),
  line('押金收据 Deposit receipt', 'center', true),
  line('================================'),
  line(`押金 Deposit${' '.repeat(12)}￥500.00`, 'left', true),
  line(`大写 In words${' '.repeat(11)}伍佰元整`),
  line(`物品 Item${' '.repeat(3)}轮椅 Wheelchair W-07`),
  line('请于闭园前归还，凭本单退还押金。'),
  line('Return by closing time for your'),
  line('refund.'),
  line('R20261129-0001', 'center'),
];

describe('the print worker and a virtual ESC/POS printer', () => {
  it('prints a receipt: exact text, QR payload, barcode, cut, nothing wider than 58 mm paper', async () => {
    const { db, clock, printer, worker, enqueue } = await rig();
    const jobId = enqueue('R20261129-0001');
    clock.advance(1500);
    await worker.runOnce();

    expect(printer.errors).toEqual([]);
    expect(printer.jobs).toHaveLength(1);
    const [job] = printer.jobs;
    expect(job?.lines.map(({ columns: _columns, ...rest }) => rest)).toEqual(SAMPLE_ON_58MM);
    expect(job?.qr).toEqual(['R20261129-0001']);
    expect(job?.items.find((item) => item.kind === 'barcode')).toEqual({ kind: 'barcode', data: 'R20261129-0001', width: 2, height: 80 });
    expect(job?.cuts).toBe(1);
    expect(job?.chineseAfterInit).toEqual([true, true]);
    for (const printed of job?.lines ?? []) expect(printed.columns, printed.text).toBeLessThanOrEqual(32);
    expect(getJob(db, jobId)).toMatchObject({ status: 'printed', attempts: 0, printed_at: clock.now(), last_error: null });
    expect(worker.status()).toEqual({ state: 'ready', waiting: 0, failed: 0 });
  });

  it('asks the printer while nothing waits: unknown until the first answer, offline when it is off, ready when it is back', async () => {
    const { clock, printer, worker, statuses } = await rig();
    expect(worker.status()).toEqual({ state: 'unknown', waiting: 0, failed: 0 });
    await worker.probeOnce();
    expect(worker.status()).toEqual({ state: 'ready', waiting: 0, failed: 0 });
    await expect.poll(() => printer.probes).toBe(1);

    await printer.stop();
    clock.advance(PROBE_EVERY_MS);
    await worker.probeOnce();
    expect(worker.status()).toEqual({ state: 'offline', waiting: 0, failed: 0, lastError: `refused: ECONNREFUSED 127.0.0.1:${printer.port}` });
    expect(statuses.at(-1)).toEqual(worker.status());

    await printer.start();
    clock.advance(PROBE_EVERY_MS);
    await worker.probeOnce();
    expect(statuses.at(-1)).toEqual({ state: 'ready', waiting: 0, failed: 0 });
    // A probe is no printout: nothing came out of the printer.
    expect(printer.jobs).toEqual([]);
    expect(printer.errors).toEqual([]);
  });

  it('reports again after someone else announced a status, even when it is the one it reported before', async () => {
    const { worker, enqueue, statuses } = await rig();
    await worker.probeOnce();
    expect(statuses).toEqual([{ state: 'ready', waiting: 0, failed: 0 }]);
    // A reprint's write announces one waiting printout; once it is printed the screens must hear so.
    enqueue('R-COPY');
    worker.announced({ state: 'ready', waiting: 1, failed: 0 });
    await worker.runOnce();
    expect(statuses.at(-1)).toEqual({ state: 'ready', waiting: 0, failed: 0 });
    expect(statuses).toHaveLength(2);
  });

  it('forgets what it knew of the printer when the connection changes', async () => {
    const state = await rig();
    await state.worker.probeOnce();
    expect(state.worker.status().state).toBe('ready');
    state.settings = { ...state.settings, connection: { kind: 'tcp', host: '127.0.0.1', port: 1 } };
    expect(state.worker.status().state).toBe('unknown');
    await state.worker.probeOnce();
    expect(state.worker.status()).toMatchObject({ state: 'offline', lastError: 'refused: ECONNREFUSED 127.0.0.1:1' });
  });

  it('keeps printouts queued with backoff while the printer is off, then prints each exactly once, in order', async () => {
    const { db, clock, printer, worker, enqueue, statuses } = await rig();
    await printer.stop();
    const ids = ['R-1', 'R-2', 'R-3'].map(enqueue);

    await worker.runOnce();
    const first = getJob(db, ids[0] ?? 0);
    expect(first).toMatchObject({ status: 'queued', attempts: 1, next_attempt_at: MORNING + 2000 });
    expect(first?.last_error).toBe(`refused: ECONNREFUSED 127.0.0.1:${printer.port}`);
    // The round stopped at the first failure: later printouts were not tried, so they keep their place.
    expect([getJob(db, ids[1] ?? 0)?.attempts, getJob(db, ids[2] ?? 0)?.attempts]).toEqual([0, 0]);
    expect(worker.status()).toEqual({ state: 'offline', waiting: 3, failed: 0, lastError: first?.last_error });
    expect(statuses.at(-1)).toEqual(worker.status());

    // Not due yet: nothing is tried.
    clock.advance(1999);
    await worker.runOnce();
    expect(getJob(db, ids[0] ?? 0)?.attempts).toBe(1);

    // Due, still off: the wait doubles.
    clock.advance(1);
    await worker.runOnce();
    expect(getJob(db, ids[0] ?? 0)).toMatchObject({ attempts: 2, next_attempt_at: clock.now() + 4000 });

    await printer.start();
    clock.advance(3999);
    await worker.runOnce();
    expect(printer.jobs).toHaveLength(0);
    clock.advance(1);
    await worker.runOnce();
    expect(printer.errors).toEqual([]);
    expect(printer.jobs.map((job) => job.qr[0])).toEqual(['R-1', 'R-2', 'R-3']);
    expect(listJobs(db, { limit: 10 }).map((job) => [job.ref, job.status])).toEqual([
      ['R-3', 'printed'],
      ['R-2', 'printed'],
      ['R-1', 'printed'],
    ]);
    expect(waitingCount(db)).toBe(0);
    expect(statuses.at(-1)).toEqual({ state: 'ready', waiting: 0, failed: 0 });

    // Nothing left: another round prints nothing twice.
    clock.advance(60_000);
    await worker.runOnce();
    expect(printer.jobs).toHaveLength(3);
  });

  it('caps the backoff at 60 seconds', async () => {
    const { db, clock, printer, worker, enqueue } = await rig();
    await printer.stop();
    const id = enqueue('R-9');
    const waits: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await worker.runOnce();
      const job = getJob(db, id);
      waits.push((job?.next_attempt_at ?? 0) - clock.now());
      clock.set(job?.next_attempt_at ?? 0);
    }
    expect(waits).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('reprints a copy with the 补打 / REPRINT banner, numbering copies of the same original', async () => {
    const { db, clock, printer, worker, enqueue } = await rig();
    const original = enqueue('R20261129-0001');
    expect(() => reprint(db, original, null, clock.now())).toThrow(/CONFLICT: printer.errors.stillWaiting/);
    await worker.runOnce();
    const copy1 = reprint(db, original, null, clock.now());
    await worker.runOnce();
    const copy2 = reprint(db, copy1, null, clock.now());
    await worker.runOnce();

    expect(printer.jobs).toHaveLength(3);
    const banner = (copy: number) => ({ text: `补打 / REPRINT #${copy}`, align: 'center', bold: true, size: 'normal' });
    const strip = (index: number) => printer.jobs[index]?.lines.map(({ columns: _columns, ...rest }) => rest);
    expect(strip(1)).toEqual([banner(1), ...SAMPLE_ON_58MM]);
    expect(strip(2)).toEqual([banner(2), ...SAMPLE_ON_58MM]);
    expect(getJob(db, copy2)).toMatchObject({ copy: 2, reprint_of: original, ref: 'R20261129-0001', status: 'printed' });
    expect(() => reprint(db, 999, null, clock.now())).toThrow(/NOT_FOUND/);
  });

  it('queues again a printout a crash left half-sent, when the worker starts', async () => {
    const { db, clock, printer, worker, enqueue } = await rig();
    const id = enqueue('R-CRASH');
    db.prepare("UPDATE print_job SET status = 'printing', next_attempt_at = 0 WHERE id = ?").run(id);
    clock.advance(10_000);
    await worker.runOnce();
    expect(printer.jobs).toHaveLength(0); // a round does not touch it: only a start recovers

    worker.start();
    worker.stop(); // the first round is on a timer; this test runs it by hand
    expect(getJob(db, id)).toMatchObject({ status: 'queued', next_attempt_at: clock.now() });
    await worker.runOnce();
    expect(printer.jobs.map((job) => job.qr[0])).toEqual(['R-CRASH']);
  });

  it('marks a damaged printout failed and goes on with the next one', async () => {
    const { db, clock, printer, worker, enqueue } = await rig();
    db.prepare(
      "INSERT INTO print_job (kind, ref, document, next_attempt_at, created_at) VALUES ('x', 'BAD', '{\"kind\":\"x\",\"blocks\":[]}', ?, ?)",
    ).run(clock.now(), clock.now());
    enqueue('R-GOOD');
    await worker.runOnce();
    expect(listJobs(db, { limit: 5, ref: 'BAD' })[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'render: ZodError' });
    expect(printer.jobs.map((job) => job.qr[0])).toEqual(['R-GOOD']);
    // It does not vanish: the status counts it until someone sets it aside.
    expect(worker.status()).toEqual({ state: 'ready', waiting: 0, failed: 1 });
    db.prepare("UPDATE print_job SET dismissed_at = ? WHERE ref = 'BAD'").run(clock.now());
    expect(worker.status()).toEqual({ state: 'ready', waiting: 0, failed: 0 });
  });

  it('without a printer, keeps each printout as bytes and readable text under the data folder', async () => {
    const { db, dir, clock, worker, enqueue, printer } = await rig();
    const state = { settings: { ...DEFAULT_PRINTER_SETTINGS } };
    const preview = createPrintWorker({ db, clock, dataDir: dir, readPrinterSettings: () => state.settings, timeZone: () => 'Asia/Shanghai' });
    expect(preview.status()).toEqual({ state: 'preview', waiting: 0, failed: 0 });
    const id = enqueue('R20261129-0001');
    await preview.runOnce();

    const folder = join(dir, 'printouts', '2026-11-29');
    expect(readdirSync(folder).sort()).toEqual([`${id}-R20261129-0001.bin`, `${id}-R20261129-0001.txt`]);
    const lines = layoutDocument(sampleReceipt(), { columns: 48 });
    expect(readFileSync(join(folder, `${id}-R20261129-0001.bin`)).equals(renderEscpos(lines, { type: 'EPSON', chinese: true }))).toBe(true);
    const text = readFileSync(join(folder, `${id}-R20261129-0001.txt`), 'utf8');
    expect(text).toContain(`押金 Deposit${' '.repeat(28)}￥500.00`);
    expect(text.split('\n')[0]).toBe(`${' '.repeat(14)}阳光水世界`);
    expect(getJob(db, id)?.status).toBe('printed');
    expect(printer.jobs).toHaveLength(0);
    expect(worker.status().waiting).toBe(0);
  });

  it('reports a driver failure as a short message and retries', async () => {
    const failing = { send: () => Promise.reject(new Error('secret stack details /home/x')), probe: () => Promise.resolve() };
    const { db, worker, enqueue } = await rig({ driverFor: () => failing });
    const id = enqueue('R-X');
    await worker.runOnce();
    expect(getJob(db, id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'io: tcp' });
  });
});

/** Everything written to a FIFO until its writer closes it: a USB printer that was off, switched on. */
function readUntilClosed(fifo: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(fifo)
      .on('data', (chunk) => chunks.push(Buffer.from(chunk)))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
}

describe('the device driver', () => {
  it('prints a printout once when the device was off and blocked its write: no second write beside the first', async () => {
    // A FIFO stands in for /dev/usb/lp0 of a printer that is off: a write to it waits until it is read.
    const { db, dir, clock, worker, enqueue, settings } = await rig();
    const fifo = join(dir, 'lp0');
    execFileSync('mkfifo', [fifo]);
    Object.assign(settings, { connection: { kind: 'device', path: fifo }, timeoutMs: 150 });
    const [first, second] = ['R-1', 'R-2'].map(enqueue);

    // Three rounds while it is off: the first write times out and waits; the retries start nothing new.
    for (let round = 0; round < 3; round += 1) {
      await worker.runOnce();
      clock.advance(60_000);
    }
    expect(getJob(db, first ?? 0)).toMatchObject({ status: 'queued', attempts: 3 });
    expect(getJob(db, first ?? 0)?.last_error).toMatch(/^timeout: /);

    // Switched on: the write that waited goes through, once; the next retry finds it done.
    const received = decodeEscpos(await readUntilClosed(fifo));
    expect(received.qr).toEqual(['R-1']);
    const next = readUntilClosed(fifo);
    await worker.runOnce();
    expect(getJob(db, first ?? 0)).toMatchObject({ status: 'printed' });
    expect(decodeEscpos(await next).qr).toEqual(['R-2']);
    expect(getJob(db, second ?? 0)).toMatchObject({ status: 'printed' });
  });

  it('writes the bytes to the device path', async () => {
    const path = join(tempDir(), 'lp0');
    await deviceDriver(path, 2000).send(Buffer.from([0x1b, 0x40, 0x41, 0x0a]));
    expect([...readFileSync(path)]).toEqual([0x1b, 0x40, 0x41, 0x0a]);
  });

  it('fails with a short message when the device is not there', async () => {
    const path = join(tempDir(), 'missing', 'lp0');
    const error = await deviceDriver(path, 2000).send(Buffer.from('x')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).message).toBe(`notFound: ENOENT ${path}`);
    expect(existsSync(path)).toBe(false);
  });
});

describe('the TCP driver', () => {
  // These two wait on a real socket timeout (100 ms): it is I/O, not a deadline of the app's clock.
  async function listen(onConnection: (socket: Socket) => void, allowHalfOpen = false): Promise<{ server: Server; port: number }> {
    const server = createServer({ allowHalfOpen }, onConnection);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return { server, port: address && typeof address === 'object' ? address.port : 0 };
  }

  it('fails with a timeout when the printer takes the connection but never reads the job', async () => {
    const sockets: Socket[] = [];
    const { server, port } = await listen((socket) => {
      socket.pause();
      sockets.push(socket);
    });
    const error = await tcpDriver('127.0.0.1', port, 100)
      .send(Buffer.alloc(64 * 1024 * 1024, 0x41))
      .catch((caught: unknown) => caught);
    for (const socket of sockets) socket.destroy();
    server.close();
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).message).toBe(`timeout: 127.0.0.1:${port} after 100 ms`);
  });

  it('succeeds when the printer read every byte, even if it keeps the connection open (a retry would print twice)', async () => {
    const received: Buffer[] = [];
    const sockets: Socket[] = [];
    const { server, port } = await listen((socket) => {
      sockets.push(socket);
      socket.on('data', (chunk: Buffer) => received.push(chunk));
    }, true);
    await tcpDriver('127.0.0.1', port, 100).send(Buffer.from('hello printer'));
    for (const socket of sockets) socket.destroy();
    server.close();
    expect(Buffer.concat(received).toString()).toBe('hello printer');
  });
});
