/** The app's preferences, loaded from the engine and kept in step with `settings/changed`. */
import { useCallback, useEffect, useState } from 'react';
import type { OneWalletApi, Settings } from '../../../shared/contract';
import { unwrap } from './api-context';

export function useSettings(api: OneWalletApi | null) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!api) return;
    unwrap(api.settings.get({})).then(setSettings, setError);
    return api.on('settings/changed', setSettings);
  }, [api]);

  const update = useCallback(
    async (patch: Partial<Settings>) => {
      if (!api) return;
      setSettings(await unwrap(api.settings.update(patch)));
    },
    [api],
  );

  return { settings, error, update };
}

export function useSystemDark(): boolean {
  return useMediaQuery('(prefers-color-scheme: dark)');
}

/** The system asks for less motion (an accessibility setting): dialogs, drawers and charts then appear without animating. */
export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}
