/**
 * What the wallet recorded, deleted, brought back or edited after a backup was taken: counts and
 * the newest few of each (from backup/previewMerge's changedSince or backup/restorePreview).
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WalletChangesView } from '../../../../shared/contract';
import { useMoney } from '../../lib/money';
import { day } from './format';

type ChangeList = 'recorded' | 'voided' | 'restored' | 'amended';
/** What a full restore loses: everything the wallet did after the backup. */
export const REPLACE_LOSES: readonly ChangeList[] = ['recorded', 'voided', 'restored', 'amended'];
/** Where a merge and the backup differ although nothing is brought back (new lines are simply kept). */
export const MERGE_DIFFERS: readonly ChangeList[] = ['voided', 'restored', 'amended'];

export function hasWalletChanges(changes: WalletChangesView, lists: readonly ChangeList[]): boolean {
  return lists.some((list) => changes[list] > 0);
}

export function WalletChangesList({ changes, lists }: { changes: WalletChangesView; lists: readonly ChangeList[] }) {
  const { t, i18n } = useTranslation();
  const { format } = useMoney();
  return (
    <div data-testid="wallet-changes">
      {lists.filter((list) => changes[list] > 0).map((list) => (
        <div key={list} style={{ marginTop: 4 }}>
          <Typography.Text strong>{t(`backup.changes.${list}`, { count: changes[list] })}</Typography.Text>
          <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
            {changes.newest[list].map((item) => (
              <li key={item.id}>
                <Typography.Text>
                  {day(item.date, i18n.language)} · {item.label || t('backup.preview_unnamed')} · {format(item.amountMinor, item.currency)}
                </Typography.Text>
              </li>
            ))}
            {changes[list] > changes.newest[list].length && (
              <li>
                <Typography.Text type="secondary">{t('backup.changes.more', { count: changes[list] - changes.newest[list].length })}</Typography.Text>
              </li>
            )}
          </ul>
        </div>
      ))}
    </div>
  );
}
