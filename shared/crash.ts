/**
 * The crash report as it is stored, listed and shared: one shape for the engine, the renderer,
 * the CLI and the exported bundle. Everything in it has been through the scrubber before it was
 * written (electron/crash/scrub.ts); nothing here is trusted to be free of personal data otherwise.
 */
import { z } from 'zod';

export const CRASH_PROCESSES = ['engine', 'renderer', 'worker', 'main', 'gpu', 'utility'] as const;
export const CRASH_KINDS = [
  'uncaughtException',
  'unhandledRejection',
  'workerCrash',
  'engineStartFailed',
  'rendererError',
  'rendererRejection',
  'renderError',
  'renderProcessGone',
  'childProcessGone',
  'unresponsive',
  'didFailLoad',
  /** A native minidump Electron's crashReporter left (kept locally, never uploaded by Electron). */
  'nativeCrash',
] as const;

export const Breadcrumb = z.object({
  at: z.string(),
  /** What kind of step: a route change, a dialog opened, a command *type* sent. Never contents. */
  kind: z.enum(['route', 'dialog', 'command', 'lifecycle']),
  what: z.string().max(120),
});
export type Breadcrumb = z.infer<typeof Breadcrumb>;

export const CrashReport = z.object({
  id: z.string().regex(/^[0-9a-z-]{8,64}$/),
  createdAt: z.string(),
  process: z.enum(CRASH_PROCESSES),
  kind: z.enum(CRASH_KINDS),
  /** A deliberate report from Settings → Diagnostics. */
  test: z.boolean(),
  versions: z.object({
    app: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    node: z.string(),
    os: z.string(),
  }),
  error: z.object({ name: z.string(), message: z.string(), stack: z.string() }),
  /** Electron's own facts, e.g. reason and exit code of a gone process. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  breadcrumbs: z.array(Breadcrumb).max(30),
  wallet: z.object({
    state: z.enum(['locked', 'unlocked']),
    sizeClass: z.enum(['none', 'small', 'medium', 'large', 'huge']),
    lastIntegrityCheck: z.object({ at: z.string(), ok: z.boolean() }).nullable(),
  }),
  /** File name of a native minidump kept beside the report (Electron's crashReporter). */
  minidump: z.string().nullable(),
});
export type CrashReport = z.infer<typeof CrashReport>;

export const CrashSummary = CrashReport.pick({ id: true, createdAt: true, process: true, kind: true, test: true }).extend({
  name: z.string(),
  message: z.string(),
});
export type CrashSummary = z.infer<typeof CrashSummary>;

/** What the last start found: the previous run ended without a clean quit, how often in a row. */
export const StartupState = z.object({
  uncleanExit: z.boolean(),
  uncleanStreak: z.number().int(),
  previousStartedAt: z.string().nullable(),
  offerSafeStart: z.boolean(),
  safeMode: z.boolean(),
  /** The integrity check the next unlock must run (after an unclean exit) has not run yet. */
  checkPending: z.boolean(),
});
export type StartupState = z.infer<typeof StartupState>;

/** The build's support channels and crash endpoint (the distributor sets them at build time). */
export const SupportConfig = z.object({
  email: z.string().nullable(),
  site: z.string().nullable(),
  uploadEndpoint: z.boolean(),
});
export type SupportConfig = z.infer<typeof SupportConfig>;

/** Renderer errors travel to the engine unscrubbed (it owns the one scrubber) and bounded. */
export const RendererCrashInput = z
  .object({
    kind: z.enum(['rendererError', 'rendererRejection', 'renderError']),
    name: z.string().max(200),
    message: z.string().max(4000),
    stack: z.string().max(16000),
    componentStack: z.string().max(16000).optional(),
    test: z.boolean(),
    breadcrumbs: z.array(Breadcrumb).max(30),
    chrome: z.string().max(40).nullable(),
  })
  .strict();
