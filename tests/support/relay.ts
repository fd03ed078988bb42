import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 standing in for the park LAN between a station and the counter: the
 * test cuts it (every connection dropped, new ones refused), restores it, stalls it (connections
 * stay open and nothing gets through: a cable pulled, no reset), or makes it lose the next answer
 * (the request reaches the counter; what it sends back never arrives).
 */
export interface Relay {
  port: number;
  cut(): void;
  restore(): void;
  /** From now on nothing the counter sends gets through, and the connections stay open. */
  stall(): void;
  /**
   * The next request sent loses its answer: the connection it goes over is dropped when the counter
   * answers (live streams, which send nothing after their first request, are left alone).
   */
  loseNextAnswer(): void;
  /** Connections the relay has carried so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startRelay(targetPort: number, targetHost = '127.0.0.1'): Promise<Relay> {
  const open = new Set<Socket>();
  let down = false;
  let stalled = false;
  let loseAnswer = false;
  let victim: Socket | undefined;
  let connections = 0;

  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    connections += 1;
    const upstream = connect(targetPort, targetHost);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('data', (chunk) => {
      if (loseAnswer) {
        loseAnswer = false;
        victim = client;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (stalled) return;
      if (victim === client) {
        victim = undefined;
        drop();
        return;
      }
      client.write(chunk);
    });
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('relay did not listen');

  return {
    port: address.port,
    get connections() {
      return connections;
    },
    cut() {
      down = true;
      for (const socket of [...open]) socket.destroy();
      open.clear();
    },
    restore() {
      down = false;
      stalled = false;
    },
    stall() {
      stalled = true;
    },
    loseNextAnswer() {
      loseAnswer = true;
    },
    close() {
      for (const socket of [...open]) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
