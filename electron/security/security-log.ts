/**
 * The security log of the open wallet (FORMAT.md "Security log" for the storage, the kinds in
 * shared/contract.ts SECURITY_EVENT_KINDS). `record` is the one hook every capability calls —
 * through WalletService.recordSecurityEvent, which every capability already holds. An entry is
 * written into the open wallet only: with no wallet open there is no key to seal it with (failed
 * unlocks wait in the public auth_state instead, failed-attempts.ts).
 */
import type { SecurityEvent, SecurityEventDetails, SecurityEventKind } from '../../shared/contract';
import { SECURITY_EVENT_KINDS } from '../../shared/contract';
import type { EventBus } from '../router/event-bus';
import type { Logger } from '../support/logger';
import type { VaultSession } from '../vault';

export interface SecurityEntryInput {
  kind: SecurityEventKind;
  details?: SecurityEventDetails;
  /** Defaults to now; failed unlocks moved in at unlock keep their own time. */
  at?: string;
}

const KINDS = new Set<string>(SECURITY_EVENT_KINDS);

export class SecurityLog {
  constructor(
    private readonly deps: { session: () => VaultSession | null; bus: EventBus; log: Logger; now?: () => number },
  ) {}

  /**
   * Writes entries into the open wallet. Never throws: a log entry that cannot be written (read-only
   * wallet, file lost, disk full) must not undo or fail the action it describes; it is reported
   * to the app log instead.
   */
  record(entries: readonly SecurityEntryInput[]): void {
    const session = this.deps.session();
    if (!session || entries.length === 0) return;
    const now = new Date((this.deps.now ?? Date.now)()).toISOString();
    try {
      if (session.fileState() !== 'ok') return;
      session.appendSecurityLog(entries.map((entry) => ({ at: entry.at ?? now, kind: entry.kind, details: entry.details ?? {} })));
      for (const entry of entries) this.deps.bus.emit('security/logged', { kind: entry.kind });
    } catch (error) {
      this.deps.log.warn(`security log: ${entries.map((entry) => entry.kind).join(', ')} not written`, error);
    }
  }

  /** Every readable entry of the open wallet (kinds a newer version wrote are left out). */
  entries(session: VaultSession): SecurityEvent[] {
    const { records, damaged } = session.securityLog();
    if (damaged.length > 0) this.deps.log.warn(`security log: ${damaged.length} entries do not authenticate (ids ${damaged.slice(0, 10).join(', ')})`);
    return records.filter((record) => KINDS.has(record.kind)) as SecurityEvent[];
  }
}
