/**
 * The frame both transaction dialogs share: the modal, the "reconciled and locked" notice, a
 * spinner until the accounts are loaded, and the engine's translated error under the form.
 */
import type { ReactNode } from 'react';
import { Alert, Modal, Spin } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  width: number;
  /** A reconciled line: shown read-only, with Close instead of Cancel and no OK button. */
  locked: boolean;
  ready: boolean;
  busy: boolean;
  error: string | null;
  onOk(): void;
  onClose(): void;
  children: ReactNode;
}

export function LedgerDialogFrame({ open, title, okText, width, locked, ready, busy, error, onOk, onClose, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={okText}
      cancelText={locked ? t('transactions.dialog.close') : t('transactions.dialog.cancel')}
      okButtonProps={{ loading: busy, style: locked ? { display: 'none' } : undefined }}
      destroyOnHidden
      width={width}
    >
      {locked && (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined aria-hidden />}
          title={t('transactions.dialog.lockedTitle')}
          description={t('transactions.dialog.lockedBody')}
          style={{ marginBottom: 16 }}
        />
      )}
      {ready ? children : <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
