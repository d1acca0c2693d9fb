/** Runs an update/* call and shows its translated refusal; the new state comes back as its result. */
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Result, UpdateStatus } from '../../../../shared/contract';
import { errorText, unwrap } from '../../lib/api-context';

export function useUpdateAction(onStatus: (status: UpdateStatus) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (call: () => Promise<Result<UpdateStatus>>) =>
    unwrap(call()).then(onStatus, (error) => void message.error(errorText(error, t)));
}

