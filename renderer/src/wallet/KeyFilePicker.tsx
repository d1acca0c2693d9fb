/** Picks a key file and hands its bytes (base64) to the form; the file never leaves this machine. */
import { useRef } from 'react';
import { Button, Space, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { KEY_FILE_MAX_BYTES, KEY_FILE_MIN_BYTES } from '../../../shared/contract';
import { readFileAsBase64 } from '../lib/files';

export interface ChosenKeyFile {
  name: string;
  base64: string;
}

interface Props {
  label: string;
  value: ChosenKeyFile | null;
  onChange(value: ChosenKeyFile | null): void;
  onError(message: string): void;
}

export function KeyFilePicker({ label, value, onChange, onError }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Space wrap>
      <input
        ref={input}
        type="file"
        aria-label={label}
        style={{ display: 'none' }}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size < KEY_FILE_MIN_BYTES || file.size > KEY_FILE_MAX_BYTES) return onError(t('errors.keyfile_size'));
          onChange({ name: file.name, base64: await readFileAsBase64(file) });
        }}
      />
      <Button icon={<KeyOutlined />} onClick={() => input.current?.click()}>
        {value ? value.name : label}
      </Button>
      {value && (
        <Typography.Link onClick={() => onChange(null)}>{t('wallet.create.removeKeyFile')}</Typography.Link>
      )}
    </Space>
  );
}
