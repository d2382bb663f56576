import { defineConfig } from 'vitest/config';

// What `npm run mutation` runs against each mutant: the `src` project alone. The other projects
// test the scripts, the spec and the kit, and would only slow every mutant down.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'src',
          include: ['test/src/**/*.test.ts'],
          // Instrumented code checks the active mutant at every branch: the 6 MB redaction and
          // validation-budget tests take several times longer than in `npm test`.
          testTimeout: 60_000,
          // One module graph for every test file of a mutant's run: with isolation each file loaded
          // the client again (about 3 s a file on a busy machine), which made a mutant cost minutes.
          isolate: false,
        },
      },
    ],
  },
});
