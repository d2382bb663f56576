/**
 * Entry of the bench's fast contract target, in its own process so its CPU is not charged to the
 * CLI measured: the lying fixture server (its `honest` base URL tells no lie), counting the
 * requests it answers. Tells the parent its URL, and the count whenever asked.
 */
import { Server } from 'node:http';
import { startLyingServer } from '../contract-tests/fixtures/lying-server.js';

let requests = 0;
const emit = Server.prototype.emit;
Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
  if (event === 'request') requests++;
  return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
} as typeof emit;

const server = await startLyingServer();
process.send?.({ url: server.url('honest') });
process.on('message', () => process.send?.({ requests }));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
