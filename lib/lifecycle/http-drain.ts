import { subscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";

/**
 * Lets the HTTP server finish what it accepted before it stops. `next start` gives the app no
 * handle on its server, so at start-up we learn it, and count the requests in flight, from Node's
 * `http.server.request.start` diagnostics channel (as lib/http/client-address.ts does).
 */
type DrainState = { servers: Set<Server>; inFlight: Set<ServerResponse>; draining: boolean };

const globalForDrain = globalThis as unknown as { dncHttpDrain?: DrainState };

export function installHttpDrain() {
  if (globalForDrain.dncHttpDrain) return;
  const state: DrainState = { servers: new Set(), inFlight: new Set(), draining: false };
  globalForDrain.dncHttpDrain = state;
  subscribe("http.server.request.start", (message) => {
    const { response, server } = message as { response: ServerResponse; server: Server };
    state.servers.add(server);
    state.inFlight.add(response);
    // Once draining, every answer says `Connection: close`, so no client sends another request on it.
    if (state.draining) response.shouldKeepAlive = false;
    // "close" comes after the answer is sent or when the client went away, so nothing is counted forever.
    response.once("close", () => state.inFlight.delete(response));
  });
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stops accepting connections, answers every request already received (each with
 * `Connection: close`), then closes the connections left, idle keep-alive ones included. A request
 * still running at `deadline` is cut off with its connection. Whether everything finished in time.
 */
export async function drainHttp(deadline: number): Promise<boolean> {
  const state = globalForDrain.dncHttpDrain;
  if (!state) return true;
  state.draining = true;
  for (const response of state.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
  // A connection the kernel completed before the signal is accepted (and served) rather than reset with the backlog.
  await nextTurn();
  await nextTurn();
  // net.Server's close, not http.Server's: that one also drops idle keep-alive connections at once,
  // and a request a client wrote on one just before the signal, not yet read, would meet a reset.
  for (const server of state.servers) NetServer.prototype.close.call(server);
  let finished = false;
  while (Date.now() < deadline) {
    if (state.inFlight.size === 0) {
      // Two turns of the event loop, so bytes already waiting on a socket are read (and counted) first.
      await nextTurn();
      await nextTurn();
      if (state.inFlight.size === 0) {
        finished = true;
        break;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (const server of state.servers) server.closeAllConnections();
  return finished;
}
