import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Set-up hooks start hosts that seed a demo library (~2 s on a calm 2-core machine); under a
    // load average of 10 that passed vitest's default 10 s.
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
