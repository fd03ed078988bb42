import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/**
 * Two projects on one configuration: `tests` (unit and integration, run by `npm test`) and `bench`
 * (`npm run bench`: one benchmark file at a time, printing its table).
 */
export default defineConfig({
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    environment: 'node',
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'tests', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'], testTimeout: 20_000 } },
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          globalSetup: ['bench/setup.ts'],
          testTimeout: 3_600_000,
          hookTimeout: 3_600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
