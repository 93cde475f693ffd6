import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening on 127.0.0.1 at a port the system chose. */
export interface LoopbackListener {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Drops open connections and stops listening. */
  close(): Promise<void>;
}

/** Starts `server` on 127.0.0.1, port 0: the harness's servers never listen elsewhere. */
export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
