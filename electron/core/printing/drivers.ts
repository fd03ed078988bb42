import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, open, mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { formatPrinterFailure, type PrinterFailure } from '@shared/contract/printing';
import type { PrinterSettings } from '@shared/printing/settings';

/** What the worker knows about the printout being sent (the preview printer names its files with it). */
export interface PrintJobInfo {
  id: number;
  ref: string | null;
  kind: string;
  /** The park's date of the attempt, `YYYY-MM-DD`. */
  date: string;
  /** The laid-out printout as readable UTF-8 text. */
  text: string;
}

/** Sends one printout's bytes; resolves when the printer (or spooler, or file) took them, rejects with a PrinterError. */
export interface PrinterDriver {
  send(bytes: Buffer, job?: PrintJobInfo): Promise<void>;
  /**
   * Asks whether the printer is there while nothing is printing, without printing anything: a TCP
   * connect for a network printer, the spooler's queue for a system printer, write access for a
   * device. Resolves when it answered, rejects with a PrinterError.
   */
  probe(): Promise<void>;
}

/** A failed send, with a short message for the job's `last_error`: `code: detail`, no stack, nothing secret. */
export class PrinterError extends Error {
  constructor(
    readonly code: PrinterFailure,
    detail: string,
  ) {
    super(formatPrinterFailure(code, detail));
    this.name = 'PrinterError';
  }
}

const ERRNO: Record<string, PrinterFailure> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENOTFOUND: 'unknownHost',
  EAI_AGAIN: 'unknownHost',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  EACCES: 'denied',
  EPERM: 'denied',
  ENOENT: 'notFound',
  ENODEV: 'notFound',
  ENXIO: 'notFound',
};

function errnoOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Any failure as a PrinterError, keeping only its errno code and where (never a stack or file contents). */
export function toPrinterError(error: unknown, where: string): PrinterError {
  if (error instanceof PrinterError) return error;
  const errno = errnoOf(error);
  return new PrinterError((errno && ERRNO[errno]) || 'io', errno ? `${errno} ${where}` : where);
}

/**
 * A network printer on its raw port. Success means the printer read the whole job and closed its
 * side after ours (a real end of job, not just "the OS took the bytes"); if it keeps the connection
 * open after every byte was handed over, the timeout ends the wait as a success, because a retry
 * would print the receipt twice. Refused, unreachable, reset, or silent before taking the bytes: a failure.
 */
export function tcpDriver(host: string, port: number, timeoutMs: number): PrinterDriver {
  const where = `${host}:${port}`;
  return {
    send: (bytes) =>
      new Promise<void>((resolve, reject) => {
        let flushed = false;
        let settled = false;
        const socket = connect({ host, port });
        const finish = (error?: PrinterError) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          if (error) reject(error);
          else resolve();
        };
        // Idle timer (from the connection attempt on): no connection, or a printer that stopped reading.
        socket.setTimeout(timeoutMs, () => finish(flushed ? undefined : new PrinterError('timeout', `${where} after ${timeoutMs} ms`)));
        socket.on('error', (error) => finish(flushed && errnoOf(error) === 'ECONNRESET' ? undefined : toPrinterError(error, where)));
        socket.on('connect', () => {
          socket.end(bytes, () => {
            flushed = true;
          });
        });
        socket.on('end', () => {
          if (flushed) finish();
        });
        socket.on('close', () => finish(flushed ? undefined : new PrinterError('reset', `${where} closed before the job was sent`)));
        socket.resume();
      }),
    probe: () =>
      new Promise<void>((resolve, reject) => {
        // A connection that sends nothing: a raw-port printer takes it as no job at all.
        const socket = connect({ host, port });
        const finish = (error?: PrinterError) => {
          socket.destroy();
          if (error) reject(error);
          else resolve();
        };
        socket.setTimeout(timeoutMs, () => finish(new PrinterError('timeout', `${where} after ${timeoutMs} ms`)));
        socket.once('error', (error) => finish(toPrinterError(error, where)));
        socket.once('connect', () => finish());
      }),
  };
}

/**
 * A device write that outlived its send's timeout, by device path: a device that blocks (a USB
 * printer switched off) may still take the bytes when it comes back. Until then no other write is
 * started on that device, or the printout would come out again beside it; once it went through,
 * the retry of the same printout is answered with it, printed once.
 */
interface UnfinishedWrite {
  /** The printout's job, or its bytes when the caller named no job. */
  printout: number | Buffer;
  state: 'pending' | 'done' | 'failed';
  settled: Promise<void>;
}
const unfinishedWrites = new Map<string, UnfinishedWrite>();

const samePrintout = (a: number | Buffer, b: number | Buffer) => (typeof a === 'number' || typeof b === 'number' ? a === b : a.equals(b));

/** Waits for `promise` at most `ms`: whether it settled meanwhile. */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A device or file path (`/dev/usb/lp0`, `\\.\COM3`): written whole, within the timeout, one write at a time. */
export function deviceDriver(path: string, timeoutMs: number): PrinterDriver {
  return {
    probe: () => access(path, constants.W_OK).catch((error: unknown) => Promise.reject(toPrinterError(error, path))),
    async send(bytes, job) {
      const printout = job?.id ?? bytes;
      const earlier = unfinishedWrites.get(path);
      if (earlier) {
        if (!(await settlesWithin(earlier.settled, timeoutMs))) {
          throw new PrinterError('timeout', `${path} has not taken the last printout after ${timeoutMs} ms`);
        }
        unfinishedWrites.delete(path);
        if (earlier.state === 'done' && samePrintout(earlier.printout, printout)) return;
      }
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      const write = (async () => {
        const handle = await open(path, 'w');
        try {
          await handle.write(bytes);
        } finally {
          await handle.close();
        }
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new PrinterError('timeout', `${path} after ${timeoutMs} ms`));
        }, timeoutMs);
      });
      try {
        await Promise.race([write, timeout]);
      } catch (error) {
        if (!timedOut) throw toPrinterError(error, path);
        // A write that outlives the timeout is left to finish, and remembered: nothing is written beside it.
        const unfinished: UnfinishedWrite = {
          printout,
          state: 'pending',
          settled: write.then(
            () => {
              unfinished.state = 'done';
            },
            () => {
              unfinished.state = 'failed';
            },
          ),
        };
        unfinishedWrites.set(path, unfinished);
        throw toPrinterError(error, path);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * A printer installed in the operating system, sent raw. Linux and macOS: CUPS `lp -d NAME -o raw`
 * (no shell; the name is an argument). Windows: the printer shared under NAME, reached by its UNC
 * path `\\localhost\NAME` (a RAW / "Generic / Text Only" queue, so no driver adds its own feeds).
 */
export function osDriver(name: string, timeoutMs: number, platform: NodeJS.Platform = process.platform): PrinterDriver {
  if (platform === 'win32') return deviceDriver(`\\\\localhost\\${name}`, timeoutMs);
  return {
    send: (bytes) => runSpooler('lp', ['-d', name, '-o', 'raw'], bytes, `lp ${name}`, timeoutMs),
    // The queue exists and is known to CUPS (`lpstat -p` fails for an unknown printer).
    probe: () => runSpooler('lpstat', ['-p', name], undefined, `lpstat ${name}`, timeoutMs),
  };
}

/** Runs a spooler command (no shell: the printer name is an argument), its input piped in, within the timeout. */
function runSpooler(command: string, args: string[], input: Buffer | undefined, where: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stderr = '';
    let settled = false;
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    const done = (error?: PrinterError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      child.kill();
      done(new PrinterError('timeout', `${where} after ${timeoutMs} ms`));
    }, timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(0, 300);
    });
    child.on('error', (error) => done(toPrinterError(error, where)));
    child.on('close', (code) => done(code === 0 ? undefined : new PrinterError('spooler', `${where}: ${stderr.trim() || `exit ${code}`}`)));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** File name part from a reference: letters, digits, dash and underscore only. */
function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'printout';
}

/**
 * No printer: each printout is kept in `<dataDir>/printouts/YYYY-MM-DD/<jobId>-<ref>.bin` (the exact
 * bytes a printer would get) with a `.txt` beside it (the laid-out text, UTF-8) for people to read.
 */
export function previewDriver(dataDir: string): PrinterDriver {
  return {
    probe: () => Promise.resolve(),
    async send(bytes, job) {
      const info = job ?? { id: 0, ref: null, kind: 'printout', date: new Date().toISOString().slice(0, 10), text: '' };
      const folder = join(dataDir, 'printouts', info.date);
      const base = join(folder, `${info.id}-${safeName(info.ref ?? info.kind)}`);
      try {
        await mkdir(folder, { recursive: true });
        await writeFile(`${base}.bin`, bytes);
        await writeFile(`${base}.txt`, info.text, 'utf8');
      } catch (error) {
        throw toPrinterError(error, 'printouts folder');
      }
    },
  };
}

/** The driver for the configured connection. */
export function driverFor(settings: PrinterSettings, dataDir: string): PrinterDriver {
  const { connection, timeoutMs } = settings;
  switch (connection.kind) {
    case 'preview':
      return previewDriver(dataDir);
    case 'tcp':
      return tcpDriver(connection.host, connection.port, timeoutMs);
    case 'device':
      return deviceDriver(connection.path, timeoutMs);
    case 'os':
      return osDriver(connection.name, timeoutMs);
  }
}
