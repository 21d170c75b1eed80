import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The CLI tests spawn bin/crm-steward.mjs: they run the TypeScript sources,
    // never a compiled bundle that may be older than them.
    env: { CRM_STEWARD_FROM_SOURCE: '1' },
  },
});
