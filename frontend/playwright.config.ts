import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (Playwright cannot download its own browser here)
// against a running Levier with demo data (`make e2e` starts one).
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  // One retry: a test that fails twice fails the run; one that passes on its retry is
  // reported as flaky in the summary (which `make e2e` repeats at the end of a failed log).
  retries: 1,
  timeout: 45_000,
  reporter: 'list',
  use: {
    baseURL: process.env.LEVIER_E2E_BASE_URL ?? 'http://127.0.0.1:8000',
    headless: true,
    trace: 'retain-on-failure',
    locale: 'fr-FR',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
