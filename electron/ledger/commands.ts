/**
 * Deciding commands. The command shapes are the contract's (shared/ledger-commands.ts: the wire
 * shapes live with the contract so that shared/ never imports the engine); this file re-exports
 * them for the engine and turns one into events.
 *
 * `decide` is pure: state + command + context → events, or a DomainError before anything is written.
 */
import type { LedgerCommand } from '../../shared/ledger-commands';
import type { LedgerEvent } from './events';
import type { LedgerReadModel } from './read-model';
import { decideAccount } from './decide-accounts';
import { decideTransaction } from './decide-transactions';
import { decideBookkeeping } from './decide-bookkeeping';

export * from '../../shared/ledger-commands';

export interface DecideContext {
  now: Date;
  /** Fresh UUIDs for events and new entities. */
  newId: () => string;
  /** The user's calendar date today (defaults for dates). */
  today: string;
}

export function decide(state: LedgerReadModel, command: LedgerCommand, ctx: DecideContext): LedgerEvent[] {
  switch (command.type) {
    case 'openAccount':
    case 'updateAccount':
    case 'reorderAccounts':
    case 'freezeAccount':
    case 'unfreezeAccount':
    case 'closeAccount':
      return decideAccount(state, command, ctx);
    case 'recordTransaction':
    case 'recordTransfer':
    case 'amendTransaction':
    case 'voidTransaction':
    case 'restoreTransaction':
    case 'setTransactionStatus':
      return decideTransaction(state, command, ctx);
    case 'defineCategory':
    case 'addStarterCategories':
    case 'mergeCategory':
    case 'deleteCategory':
    case 'setBudget':
    case 'setExchangeRate':
    case 'reconcile':
    case 'adjustBalance':
      return decideBookkeeping(state, command, ctx);
  }
}
