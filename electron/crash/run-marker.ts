/**
 * Unclean-exit detection. A run marker is written when the engine starts and removed at a clean
 * quit; finding it at the next start means the previous run crashed or was killed. The count of
 * unclean starts in a row lives beside it so that after three the app can offer a safe start.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StartupState } from '../../shared/crash';
import { writeFileAtomic } from '../support/atomic-file';

export const SAFE_START_AFTER = 3;

const RunState = z.object({
  uncleanStreak: z.number().int().min(0),
  /** Set after an unclean exit; cleared once an unlock has run the integrity check. */
  checkPending: z.boolean(),
});
const Marker = z.object({ startedAt: z.string(), pid: z.number().int() });

function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  try {
    return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export class RunMarker {
  private readonly markerFile: string;
  private readonly stateFile: string;
  private state: z.infer<typeof RunState> = { uncleanStreak: 0, checkPending: false };
  private startup: StartupState | null = null;

  constructor(private readonly dir: string) {
    this.markerFile = join(dir, 'running.json');
    this.stateFile = join(dir, 'run-state.json');
  }

  /** Reads what the previous run left, then marks this run as running. */
  begin(safeMode = false): StartupState {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const previous = existsSync(this.markerFile) ? (readJson(this.markerFile, Marker) ?? { startedAt: '', pid: 0 }) : null;
    this.state = readJson(this.stateFile, RunState) ?? { uncleanStreak: 0, checkPending: false };
    if (previous) this.state = { uncleanStreak: this.state.uncleanStreak + 1, checkPending: true };
    this.saveState();
    writeFileAtomic(this.markerFile, JSON.stringify({ startedAt: new Date().toISOString(), pid: process.pid }));
    this.startup = {
      uncleanExit: previous !== null,
      uncleanStreak: this.state.uncleanStreak,
      previousStartedAt: previous?.startedAt || null,
      offerSafeStart: this.state.uncleanStreak >= SAFE_START_AFTER,
      safeMode,
      checkPending: this.state.checkPending,
    };
    return this.current();
  }

  /** A host that does not mark runs (the CLI, tests) reports a clean start. */
  current(): StartupState {
    if (!this.startup) return { uncleanExit: false, uncleanStreak: 0, previousStartedAt: null, offerSafeStart: false, safeMode: false, checkPending: false };
    return { ...this.startup, checkPending: this.state.checkPending };
  }

  enterSafeMode(): void {
    if (this.startup) this.startup = { ...this.startup, safeMode: true, offerSafeStart: false };
  }

  /** The integrity check after an unclean exit has run (whatever its result: the user saw it). */
  checkDone(): void {
    if (!this.startup || !this.state.checkPending) return; // a host that does not mark runs has nothing to clear
    this.state = { ...this.state, checkPending: false };
    this.saveState();
  }

  /** A clean quit: the streak ends and the marker goes. */
  end(): void {
    this.state = { uncleanStreak: 0, checkPending: this.state.checkPending };
    this.saveState();
    rmSync(this.markerFile, { force: true });
  }

  private saveState(): void {
    writeFileAtomic(this.stateFile, JSON.stringify(this.state));
  }
}
