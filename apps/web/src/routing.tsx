import { AnchorHTMLAttributes, useEffect, useState } from 'react';

export interface Route {
  /** `/people/42` for `#/people/42?tab=x`. */
  path: string;
  segments: string[];
  query: URLSearchParams;
}

function current(): Route {
  const [path, search = ''] = (location.hash.replace(/^#/, '') || '/').split('?');
  return { path, segments: path.split('/').filter(Boolean), query: new URLSearchParams(search) };
}

/**
 * Pages live after `#`: the API serves one index.html and every address still works on reload and in
 * a bookmark, with no server-side routes to keep in step.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(path: string): void {
  location.hash = path;
}

export function Link({ to, ...props }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a href={`#${to}`} {...props} />;
}
