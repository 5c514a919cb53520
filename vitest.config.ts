import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Two files at a time on CI's two cores: 692-697 s where one at a time took 999 s, which left
    // the 20-minute CI little room. Live listening's talk indicator, which failed beside another
    // heavy file, now comes from a signalling message, not the incoming audio's level.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Set-up hooks start hosts that seed a demo library (~2 s on a calm 2-core machine); under a
    // load average of 10 that passed vitest's default 10 s.
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
