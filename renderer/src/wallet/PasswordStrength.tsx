/** zxcvbn-ts strength meter: the user sees how guessable a password is before committing to it. */
import { useEffect, useState } from 'react';
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadScorer } from './strength-scorer';

const COLORS = ['#ff4d4f', '#ff7a45', '#faad14', '#52c41a', '#389e0d'];
/** Below this zxcvbn score the create form refuses the password. */
export const MIN_SCORE = 2;

export async function passwordScore(password: string, userInputs: string[] = []): Promise<number> {
  return password ? (await loadScorer())(password, userInputs) : 0;
}

export function PasswordStrength({ password, userInputs = [] }: { password: string; userInputs?: string[] }) {
  const { t } = useTranslation();
  const [scored, setScored] = useState<{ password: string; score: number } | null>(null);
  useEffect(() => {
    let current = true;
    void passwordScore(password, userInputs).then((score) => current && setScored({ password, score }));
    return () => {
      current = false;
    };
  }, [password, userInputs]);
  // Until the scorer has judged this very password, the meter shows nothing rather than a stale level.
  if (!password || scored?.password !== password) return null;
  const score = scored.score;
  const label = t(`wallet.create.strengthLevels.${score}`);
  return (
    <div aria-live="polite">
      <Progress
        percent={(score + 1) * 20}
        steps={5}
        showInfo={false}
        strokeColor={COLORS[score]}
        aria-label={t('wallet.create.strength')}
      />
      <Typography.Text type="secondary" data-testid="password-strength">
        {t('wallet.create.strength')}: {label}
      </Typography.Text>
    </div>
  );
}
