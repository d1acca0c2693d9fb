/** Edit and move (AccountEdit.tsx), freeze (with a reason), unfreeze (with the password: security centre) and close an account, each behind a confirmation. */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { CloseCircleOutlined, EditOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/ledger-views';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { newRequestId } from '../../lib/money';
import { useRequestIdPerOpening } from './helpers';
import { UnfreezeDialog } from '../security/UnfreezeDialog';
import { useDialogAction } from '../../lib/use-dialog-action';
import { EditAccountDialog, MoveButtons } from './AccountEdit';

export function AccountActions({ account, accounts }: { account: AccountView; accounts: readonly AccountView[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { modal, message } = App.useApp();
  const [freezing, setFreezing] = useState(false);
  const [unfreezing, setUnfreezing] = useState(false);
  const [editing, setEditing] = useState(false);

  /** A confirmation whose OK runs one command; its request id is fixed for this confirmation. */
  const confirm = (kind: 'close') => {
    const requestId = newRequestId();
    modal.confirm({
      title: t(`accounts.actions.${kind}Title`, { name: account.name }),
      content: t(`accounts.actions.${kind}Body`),
      okText: t(`accounts.actions.${kind}`),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await unwrap(api.ledger.closeAccount({ requestId, accountId: account.id }));
          void message.success(t(`accounts.actions.${kind}Done`, { name: account.name }));
        } catch (e) {
          void message.error(errorText(e, t));
        }
      },
    });
  };

  if (account.closed) return null;
  return (
    <Space wrap>
      <MoveButtons account={account} accounts={accounts} />
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
        {t('accounts.edit.open')}
      </Button>
      {account.frozen ? (
        <Button icon={<UnlockOutlined />} onClick={() => setUnfreezing(true)}>
          {t('accounts.actions.unfreeze')}
        </Button>
      ) : (
        <Button icon={<LockOutlined />} onClick={() => setFreezing(true)}>
          {t('accounts.actions.freeze')}
        </Button>
      )}
      <Button danger icon={<CloseCircleOutlined />} onClick={() => confirm('close')}>
        {t('accounts.actions.close')}
      </Button>
      <EditAccountDialog account={account} open={editing} onClose={() => setEditing(false)} />
      <FreezeDialog account={account} open={freezing} onClose={() => setFreezing(false)} />
      <UnfreezeDialog account={account} open={unfreezing} onClose={() => setUnfreezing(false)} />
    </Space>
  );
}

function FreezeDialog({ account, open, onClose }: { account: AccountView; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const requestId = useRequestIdPerOpening(open);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useDialogAction();

  const submit = () =>
    run(async () => {
      await unwrap(api.ledger.freezeAccount({ requestId, accountId: account.id, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
      void message.success(t('accounts.actions.freezeDone', { name: account.name }));
      setReason('');
      onClose();
    });

  return (
    <Modal
      open={open}
      title={t('accounts.actions.freezeTitle', { name: account.name })}
      okText={t('accounts.actions.freeze')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <p>{t('accounts.actions.freezeBody')}</p>
      <Form layout="vertical">
        <Form.Item label={t('accounts.actions.freezeReason')} htmlFor="ow-freeze-reason">
          <Input.TextArea
            id="ow-freeze-reason"
            value={reason}
            maxLength={500}
            rows={2}
            placeholder={t('accounts.actions.freezeReasonPlaceholder')}
            onChange={(event) => setReason(event.target.value)}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
