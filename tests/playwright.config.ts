import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Playwright cannot download its browsers here; Debian's Chromium is used where it exists.
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './.tmp/playwright-results',
  // Hang guards, not speed targets: CI may share both cores with other work.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  // Two spec files at a time: each test starts its own host (own port, own data folder), and the
  // suite is long enough that one worker would push CI past 30 minutes. ONEWALLET_E2E_WORKERS=1
  // runs them one by one (for a machine with one core, or to rule out interference).
  workers: Number(process.env.ONEWALLET_E2E_WORKERS ?? 2),
  retries: 0,
  // The JSON report is what .ci/run counts for its closing `N passed, N failed, N skipped` line.
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-report.json' }]],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    // The app honours the system's "reduce motion" (antd's motion token, echarts' animation): no
    // dialog, drawer or chart animates, so steps wait for states without animations in between.
    // The everyday keyboard walk keeps full motion (test.use there): typing while a dialog opens
    // must keep working for people who have animations on.
    reducedMotion: 'reduce',
    // A failure on a busy CI machine must be diagnosable afterwards: what the page showed, and a trace.
    // The trace keeps its DOM snapshot of every step (what the page showed before and after each
    // action) but not the screencast: encoding a JPEG for every frame of every passing test cost
    // over a quarter of the CPU of a spec (ledger-overview, 1 worker: 53 s CPU with it, 38 s without,
    // 34 s with no trace at all). The failure screenshot still shows the last frame.
    screenshot: 'only-on-failure',
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
