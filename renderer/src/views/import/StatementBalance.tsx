/**
 * After an import: the statement's own closing balance (OFX LEDGERBAL) beside the wallet's balance on
 * the same day. Equal means the import and the wallet agree; a difference is what a reconcile of this
 * account will have to explain, so the user is sent there with the figure in hand.
 */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportCommitResult } from '../../../../shared/import-views';
import { useFormat } from '../../lib/format';
import { useRoute } from '../../lib/routes';

export function StatementBalance({ balance }: { balance: NonNullable<ImportCommitResult['statementBalance']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, go] = useRoute();
  const agrees = balance.differenceMinor === 0;
  const params = {
    date: format.day(balance.date),
    statement: format.money(balance.statementMinor, balance.currency),
    wallet: format.money(balance.walletMinor, balance.currency),
    difference: format.signedMoney(balance.differenceMinor, balance.currency),
  };
  return (
    <Alert
      type={agrees ? 'success' : 'warning'}
      showIcon
      data-testid="import-statement-balance"
      title={t(agrees ? 'import.wizard.statementBalance.agrees' : 'import.wizard.statementBalance.differs', params)}
      description={agrees ? undefined : t('import.wizard.statementBalance.help', params)}
      action={
        agrees ? undefined : (
          <Button size="small" onClick={() => go('accounts')}>
            {t('import.wizard.statementBalance.reconcile')}
          </Button>
        )
      }
    />
  );
}
