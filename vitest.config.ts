import { defineConfig } from 'vitest/config';

// One project per source folder, named after it: `npx vitest run --project src` runs the tests of src/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'src',
          include: ['test/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'scripts',
          include: ['test/scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          // The spec's content: vendor facts, the official text, PROVENANCE.md rows.
          name: 'openapi',
          include: ['test/openapi/**/*.test.ts'],
        },
      },
      {
        test: {
          // Rules over the whole tree (the layering rule, the README), kept at the top of test/.
          name: 'repo',
          include: ['test/*.test.ts'],
        },
      },
      {
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './test/types/tsconfig.json' },
        },
      },
      {
        test: {
          // The contract engine's tests: the lying fixture server, the report, the CLI commands, and a
          // full run against a Prism mock of the spec (what `npm run contract` does).
          name: 'contract-tests',
          include: ['test/contract-tests/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One Prism mock for the project's files, started before the first and stopped after the last.
          globalSetup: ['test/e2e/prism-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
