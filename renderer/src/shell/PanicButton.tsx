/**
 * The panic lock in the header, next to Lock: one red button whose menu locks now, or freezes every
 * account and then locks. The engine locks at once (a running verify or backup stops at its next
 * slice); the lock's `wallet/changed` takes the whole shell — every view and its data — off screen.
 */
import { App, Button, Dropdown } from 'antd';
import { AlertOutlined, DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, unwrap, useApi } from '../lib/api-context';

export function PanicButton() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();

  const panic = (freezeAll: boolean) => {
    unwrap(api.security.panicLock({ freezeAll })).catch((e) => void message.error(errorText(e, t)));
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'lock', label: t('security.panic.lockNow'), onClick: () => panic(false) },
          { key: 'freeze', label: t('security.panic.freezeAndLock'), title: t('security.panic.freezeAndLockHint'), danger: true, onClick: () => panic(true) },
        ],
      }}
    >
      <Button danger type="primary" icon={<AlertOutlined />} aria-label={t('security.panic.label')} data-testid="panic-button">
        {t('security.panic.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
