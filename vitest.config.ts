import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // Property and fuzz suites run thousands of cases; a loaded CI machine must not time them out.
    testTimeout: 60_000,
  },
});
