/**
 * The frame both transaction dialogs share: the modal, the "reconciled and locked" notice, a
 * spinner until the accounts are loaded, and the engine's translated error under the form when it
 * is not about one field. Keyboard: Enter in a text field (or Ctrl+Enter anywhere) saves,
 * Shift+Enter saves and starts the next one; Escape closes at once when nothing was typed and
 * asks first when something was.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { Alert, App, Button, Modal, Spin } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import './dialogs.css';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  width: number;
  /** A reconciled line: shown read-only, with Close instead of Cancel and no OK button. */
  locked: boolean;
  /** What the locked notice says instead of the default (a transfer names its reconciled leg). */
  lockedNotice?: { title: string; body: string };
  ready: boolean;
  busy: boolean;
  error: string | null;
  onOk(): void;
  onClose(): void;
  /** Whether the user typed or picked anything: closing then asks before throwing it away. */
  isDirty(): boolean;
  /** "Save and add another", for new transactions only. */
  onSaveAndAdd?(): void;
  /** After the opening animation, when the modal has placed its own focus: where typing should start. */
  onOpened?(): void;
  children: ReactNode;
}

/**
 * Plain Enter saves from a text field; not from a picker (Enter chooses there) nor from an open
 * suggestion list, nor from the note (Enter is a new line there).
 */
function enterSaves(target: HTMLElement): boolean {
  if (target.tagName !== 'INPUT') return false;
  if (target.closest('.ant-picker')) return false;
  if (target.getAttribute('role') === 'combobox') {
    return target.closest('[data-enter-saves]') !== null && target.getAttribute('aria-expanded') !== 'true';
  }
  return true;
}

export function LedgerDialogFrame({ open, title, okText, width, locked, lockedNotice, ready, busy, error, onOk, onClose, isDirty, onSaveAndAdd, onOpened, children }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();

  const requestClose = () => {
    if (locked || !isDirty()) {
      onClose();
      return;
    }
    modal.confirm({
      title: t('daily.dialog.discardTitle'),
      content: t('daily.dialog.discardBody'),
      okText: t('daily.dialog.discard'),
      okButtonProps: { danger: true },
      cancelText: t('daily.dialog.keepEditing'),
      // The safe answer is the one Enter gives.
      autoFocusButton: 'cancel',
      onOk: onClose,
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || locked || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    const save = event.ctrlKey || event.metaKey ? onOk : event.shiftKey && onSaveAndAdd && enterSaves(target) ? onSaveAndAdd : enterSaves(target) ? onOk : null;
    if (!save) return;
    event.preventDefault();
    event.stopPropagation();
    save();
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={requestClose}
      afterOpenChange={(opened) => opened && onOpened?.()}
      centered
      className="ow-ledger-dialog"
      destroyOnHidden
      width={width}
      footer={(_, { CancelBtn }) => (
        <>
          <CancelBtn />
          {!locked && onSaveAndAdd && (
            <Button onClick={onSaveAndAdd} disabled={busy}>
              {t('daily.dialog.saveAndAdd')}
            </Button>
          )}
          {!locked && (
            <Button type="primary" loading={busy} onClick={onOk}>
              {okText}
            </Button>
          )}
        </>
      )}
      cancelText={locked ? t('transactions.dialog.close') : t('transactions.dialog.cancel')}
    >
      {locked && (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined aria-hidden />}
          title={lockedNotice?.title ?? t('transactions.dialog.lockedTitle')}
          description={lockedNotice?.body ?? t('transactions.dialog.lockedBody')}
          style={{ marginBottom: 16 }}
        />
      )}
      {/* Key handling only: the fields inside are the focusable, labelled controls. */}
      <div onKeyDown={onKeyDown} role="presentation">
        {ready ? children : <Spin style={{ display: 'block', margin: '48px auto' }} />}
      </div>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
