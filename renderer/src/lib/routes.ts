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
  // A view may take a query after its name (#/security?tab=alerts); the route is the name.
  const hash = window.location.hash.replace(/^#\/?/, '').split('?')[0]!;
  return (ROUTES as readonly string[]).includes(hash) ? (hash as Route) : 'dashboard';
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
