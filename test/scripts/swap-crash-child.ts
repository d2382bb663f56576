/** Runs swapIn on the folder in argv[2] and SIGKILLs itself right after file operation argv[3], as a crash at that instant would. */
import { swapIn } from '../../scripts/lib/spec-update/swap.js';
import { CRASH_PLAN } from './swap-crash-plan.js';

const [dir, at] = process.argv.slice(2);
const crashAt = Number(at);
let steps = 0;
await swapIn(dir!, CRASH_PLAN, {
  afterStep: () => {
    steps += 1;
    if (steps === crashAt) process.kill(process.pid, 'SIGKILL');
  },
});
console.log(`steps=${steps}`);
