/** The views of the shell, addressed by the URL hash (#/accounts) so reloads keep the place. */
import { useEffect, useState } from 'react';

export const ROUTES = [
  'dashboard',
  'accounts',
  'transactions',
  'reports',
  'import',
  'backup',
  'security',
  'crashes',
  'settings',
] as const;
export type Route = (typeof ROUTES)[number];

function current(): Route {
  const path = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (ROUTES as readonly string[]).includes(path) ? (path as Route) : 'dashboard';
}

/** The query part of the hash (#/transactions?category=…&from=…): how one view opens another at a place. */
export function routeQuery(): URLSearchParams {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** Opens the transactions view narrowed to a category (or any) and a range of booking days. */
export function openTransactions(target: { categoryId: string | null; from: string; to: string }): void {
  const query = new URLSearchParams({ ...(target.categoryId ? { category: target.categoryId } : {}), from: target.from, to: target.to });
  window.location.hash = `#/transactions?${query.toString()}`;
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => (window.location.hash = `#/${next}`)];
}
