/** Entry of the bench server's own process: starts it and tells the parent its URL. */
import { startServer } from './server.js';

const server = await startServer();
process.send?.(server.url);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
