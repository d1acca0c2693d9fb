/** The projection `verify` rebuilds from the journal and compares with every snapshot + replay: the ledger's. */
import { ledgerProjectionFactory } from '../ledger';
import type { ProjectionFactory } from '../vault';

export function projectionFactory(): ProjectionFactory {
  return ledgerProjectionFactory;
}
