import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/bundle.ts'],
    pool: 'forks',
    testTimeout: 20000,
  },
});
