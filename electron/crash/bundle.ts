/**
 * The bundle a user hands to support: chosen reports (already scrubbed) plus redacted
 * diagnostics — versions, OS, wallet statistics without personal data, the integrity result and
 * the last scrubbed log lines — and, for "Report a problem", the description and contact. One
 * JSON file; every string that did not come out of the scrubber goes through it here.
 */
import type { CrashReport } from '../../shared/crash';
import type { CrashReporter } from './reporter';

export const BUNDLE_FORMAT = 'onewallet-crash-bundle';

export interface Problem {
  description: string;
  contact: string | null;
}

export interface WalletStatistics {
  wallets: number;
  formatVersion: number | null;
  events: number | null;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: 1;
  createdAt: string;
  problem: Problem | null;
  reports: CrashReport[];
  diagnostics: {
    versions: CrashReport['versions'];
    wallet: CrashReport['wallet'];
    statistics: WalletStatistics;
    log: string[];
  } | null;
}

export function buildBundle(
  reporter: CrashReporter,
  parts: { reports: CrashReport[]; problem: Problem | null; diagnostics: boolean; statistics: WalletStatistics; log: string[] },
): Bundle {
  const s = (text: string) => reporter.memory.scrub(text);
  return {
    format: BUNDLE_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    // The contact is given on purpose so support can answer; the description is scrubbed like the rest.
    problem: parts.problem ? { description: s(parts.problem.description), contact: parts.problem.contact } : null,
    reports: parts.reports,
    diagnostics: parts.diagnostics
      ? { versions: reporter.versions(), wallet: reporter.walletState(), statistics: parts.statistics, log: parts.log.map(s) }
      : null,
  };
}
