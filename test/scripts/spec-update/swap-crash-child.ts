/**
 * Runs swapIn on the folder in argv[2] and SIGKILLs itself right after a file operation, as a crash
 * at that instant would: argv[3] is the step number (0: never) or `journal+N`, N steps after the
 * journal appears. argv[4], if given, is a JSON file holding the plan ({ files, dirs } as entries).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGING_DIR, type SwapPlan, swapIn } from '../../../scripts/lib/spec-update/swap.js';
import { CRASH_PLAN } from './swap-crash-plan.js';

const [dir, at, planFile] = process.argv.slice(2) as [string, string, string | undefined];
const plan: SwapPlan = planFile ? planFromJson(readFileSync(planFile, 'utf8')) : CRASH_PLAN;
const afterJournal = /^journal\+(\d+)$/.exec(at);
let steps = 0;
let journalSeenAt: number | undefined;
await swapIn(dir, plan, {
  afterStep: () => {
    steps += 1;
    if (journalSeenAt === undefined && existsSync(join(dir, STAGING_DIR, 'journal.json'))) journalSeenAt = steps;
    const crash = afterJournal ? journalSeenAt !== undefined && steps === journalSeenAt + Number(afterJournal[1]) : steps === Number(at);
    if (crash) process.kill(process.pid, 'SIGKILL');
  },
});
console.log(`steps=${steps}`);

function planFromJson(text: string): SwapPlan {
  const { files, dirs } = JSON.parse(text) as { files: [string, string][]; dirs: [string, [string, string][]][] };
  return { files: new Map(files), dirs: new Map(dirs.map(([d, entries]) => [d, new Map(entries)])) };
}
