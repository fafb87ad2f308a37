import { ReactNode } from 'react';
import { endSessionUrl } from './auth/oidc';
import { useSession, useMe } from './auth/session';
import { fetchSignInOptions } from './auth/sign-in-options';
import { LOCALE_NAMES, LOCALES, Locale, useI18n } from './i18n/i18n';
import { localName } from './i18n/local-name';
import { PageRoute } from './routes';

/** Header (who, where, language, sign-out), the navigation of the user's pages, and the page. */
export function Layout({ routes, activePath, children }: { routes: PageRoute[]; activePath: string; children: ReactNode }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const { signOut, via } = useSession();
  // Signed in through the provider: end its session too, or the next sign-in would pass straight through.
  const signOutEverywhere = async () => {
    const oidc = via === 'oidc' ? await fetchSignInOptions().then((o) => o.oidc, () => null) : null;
    const leave = oidc ? endSessionUrl(oidc) : null;
    signOut();
    if (leave) location.assign(leave);
  };
  const place = me.county ? localName(locale, me.county) : 'THL';
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t.common.skipToContent}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t.common.appName}</span>
          <span className="brand-tagline">{t.common.tagline}</span>
        </div>
        <div className="who">
          {me.name && <span>{me.name}</span>}
          <span className="role">
            {t.common.role[me.role]} · {place}
          </span>
        </div>
        <div className="header-tools">
          <LanguagePicker />
          <button type="button" onClick={() => void signOutEverywhere()}>
            {t.common.signOut}
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label={t.common.nav.label}>
        <ul>
          {routes.map((route) => (
            <li key={route.path}>
              <a href={`#/${route.path}`} aria-current={route.path === activePath ? 'page' : undefined}>
                {t.common.nav[route.nav]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function LanguagePicker() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="language">
      <span>{t.common.language}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
