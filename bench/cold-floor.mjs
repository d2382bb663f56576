// Runs in a fresh node process: `count` sequential GETs of `url` on a keep-alive agent, each body
// read and JSON.parse'd. The transport floor as a contract run pays it: in a new process, its code
// cold. With count 0 it loads node:http and exits, so that start-up can be taken off.
import { Agent, request } from 'node:http';

const [url, count, headersJson] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true });
const headers = JSON.parse(headersJson);
const get = () =>
  new Promise((resolve, reject) => {
    const req = request(url, { headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          : reject(new Error(`${url} answered ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
for (let i = 0; i < Number(count); i++) await get();
agent.destroy();
