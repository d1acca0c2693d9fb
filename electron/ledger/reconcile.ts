/**
 * Reconciliation arithmetic, shared by the preview the UI shows while the user ticks lines and by
 * the rule that finishes it, so the two can never disagree.
 */
import { addMinor } from '../../shared/money';
import type { LedgerReadModel } from './read-model';

export interface ReconcileFigures {
  /** Opening balance + lines reconciled before + live lines ticked now. */
  clearedBalanceMinor: number;
  statementBalanceMinor: number;
  /** statement − cleared: zero means the books agree with the bank. */
  differenceMinor: number;
}

export function reconcileFigures(
  state: LedgerReadModel,
  accountId: string,
  statementBalanceMinor: number,
  clearedTransactionIds: readonly string[],
): ReconcileFigures {
  let clearedBalanceMinor = state.reconciledBalance(accountId);
  for (const id of new Set(clearedTransactionIds)) {
    const line = state.transaction(id);
    // Lines that do not belong here are ignored in the preview; the finishing rule refuses them.
    if (line && line.accountId === accountId && !line.voided && line.status !== 'reconciled') {
      clearedBalanceMinor = addMinor(clearedBalanceMinor, line.amountMinor);
    }
  }
  return { clearedBalanceMinor, statementBalanceMinor, differenceMinor: addMinor(statementBalanceMinor, -clearedBalanceMinor) };
}
