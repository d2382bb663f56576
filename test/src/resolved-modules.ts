/**
 * The start of a probe script run in a fresh node process (`node --input-type=module -e …`): an ES
 * module resolve hook that sends every URL the process resolves from then on (node builtins
 * included, which tsx loads for itself too, so the module list cannot tell) into `resolved`, an
 * array the rest of the script reads. Messages arrive asynchronously: wait a moment before reading.
 */
export const RECORD_RESOLVED = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const resolved = [];
port1.on('message', (url) => resolved.push(url));
port1.unref();
register('data:text/javascript,' + encodeURIComponent(
  'let port; export function initialize(d) { port = d.port; } ' +
  'export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }'
), { data: { port: port2 }, transferList: [port2] });
`;
