/** Shows the recovery key once, with copy / save / print, then asks for it back before going on. */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Space, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../lib/files';

const normalize = (key: string) => key.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function RecoveryKeyShow({ recoveryKey, walletName, onNext }: { recoveryKey: string; walletName: string; onNext(): void }) {
  const { t } = useTranslation();
  const [written, setWritten] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = `${t('wallet.recovery.fileHeader')} — ${walletName}\n\n${recoveryKey}\n\n${t('wallet.recovery.fileNote')}\n`;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('wallet.recovery.body')}</Typography.Paragraph>
      <Card className="ow-recovery-key" aria-label={t('wallet.recovery.title')}>
        <Typography.Text code copyable={false} data-testid="recovery-key" style={{ fontSize: 18, letterSpacing: 1, wordBreak: 'break-word' }}>
          {recoveryKey}
        </Typography.Text>
      </Card>
      <Space wrap>
        <Button
          icon={<CopyOutlined />}
          onClick={() => void navigator.clipboard?.writeText(recoveryKey).then(() => setCopied(true))}
        >
          {copied ? t('common.copied') : t('wallet.recovery.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => downloadText('onewallet-recovery-key.txt', text)}>
          {t('wallet.recovery.save')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('wallet.recovery.print')}
        </Button>
      </Space>
      <Checkbox checked={written} onChange={(event) => setWritten(event.target.checked)}>
        {t('wallet.recovery.written')}
      </Checkbox>
      <Button type="primary" disabled={!written} onClick={onNext}>
        {t('common.next')}
      </Button>
    </Space>
  );
}

/** `onDone` gets what was typed: a new key for an existing wallet is confirmed by the engine with it. */
export function RecoveryKeyCheck({ recoveryKey, onDone, finishLabel }: { recoveryKey: string; onDone(typed: string): void; finishLabel?: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [failed, setFailed] = useState(false);
  const check = () => (normalize(typed) === normalize(recoveryKey) ? onDone(typed) : setFailed(true));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('wallet.recovery.checkTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('wallet.recovery.checkBody')}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('wallet.recovery.checkLabel')}
        autoSize={{ minRows: 2 }}
        value={typed}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setTyped(event.target.value);
          setFailed(false);
        }}
      />
      {failed && <Alert type="error" showIcon message={t('wallet.recovery.checkFailed')} />}
      <Button type="primary" onClick={check} disabled={!typed.trim()}>
        {finishLabel ?? t('wallet.recovery.finish')}
      </Button>
    </Space>
  );
}
