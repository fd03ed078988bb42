import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Input, MethodName, Output, Result } from '@shared/contract';

export const STATION = resolve(import.meta.dirname, '../out/main/station.js');

export interface BenchStation {
  url: string;
  pid: number;
  /** From spawning the process to its "listening" line. */
  listeningMs: number;
  call<M extends MethodName>(method: M, input: Input<M>, token?: string): Promise<Output<M>>;
  /** Resident memory of the station process now, and its peak so far (MB, from /proc). */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

/**
 * Starts `node out/main/station.js` on a data folder (a free port, the park's clock at `clockAt`
 * when given) and resolves once it says it is listening.
 */
export async function startBenchStation(dataDir: string, clockAt?: number): Promise<BenchStation> {
  if (!existsSync(STATION)) throw new Error(`${STATION} is missing: build first (npm run build)`);
  const spawnedAt = performance.now();
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [STATION], {
    env: { ...process.env, PARKDESK_DATA_DIR: dataDir, PARKDESK_PORT: '0', ...(clockAt === undefined ? {} : { PARKDESK_TEST_CLOCK: String(clockAt) }) },
    stdio: 'pipe',
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`station exited with ${code}: ${output}`)));
  });
  const listeningMs = performance.now() - spawnedAt;
  const pid = child.pid ?? 0;
  const status = (field: 'VmRSS' | 'VmHWM') => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(join('/proc', String(pid), 'status'), 'utf8'));
    return Number(match?.[1] ?? Number.NaN) / 1024;
  };
  return {
    url,
    pid,
    listeningMs,
    async call(method, input, token) {
      const response = await fetch(`${url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as Result<Output<typeof method>>;
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    memory: () => ({ rssMb: status('VmRSS'), peakMb: status('VmHWM') }),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
