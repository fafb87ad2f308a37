import { Suspense } from 'react';
import { useSession } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { Layout } from './layout';
import { routesFor } from './routes';
import { navigate, useRoute } from './routing';
import { Loading } from './ui/status';

/** Sign-in first; then the user's own pages, the first of them being the start page. */
export function App() {
  const { me } = useSession();
  const route = useRoute();
  if (!me) return <SignInPage />;
  const routes = routesFor(me);
  const active = routes.find((r) => r.path === route.segments[0]) ?? routes[0];
  if (active && active.path !== route.segments[0]) {
    navigate(`/${active.path}`);
    return null;
  }
  const Page = active.page;
  return (
    <Layout routes={routes} activePath={active.path}>
      <Suspense fallback={<Loading />}>
        <Page route={route} />
      </Suspense>
    </Layout>
  );
}
