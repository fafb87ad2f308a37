import { FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { localName } from '../i18n/local-name';
import { LanguagePicker } from '../layout';
import { SelectField, TextField } from '../ui/field';
import { Loading } from '../ui/status';
import { beginOidcSignIn, completeOidcSignIn, isOidcReturn } from './oidc';
import { useSession } from './session';
import { fetchDevToken, fetchSignInOptions, SignInOptions } from './sign-in-options';

const ROLES = ['COUNTY_COORDINATOR', 'COUNTY_ADMIN', 'TRAINER', 'KEY_WORKER', 'ESF_REPORTER', 'NATIONAL_ADMIN', 'NATIONAL_ANALYST'];
const NATIONAL = new Set(['NATIONAL_ADMIN', 'NATIONAL_ANALYST']);

/** Sign-in with the configured OpenID Connect provider and, outside production, the local picker. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t.signIn.title} · Lähde`;
  }, [t]);

  useEffect(() => {
    fetchSignInOptions()
      .then(async (loaded) => {
        if (loaded.oidc && isOidcReturn()) {
          const { token } = await completeOidcSignIn(loaded.oidc);
          await signIn(token, 'oidc');
          return;
        }
        setOptions(loaded);
      })
      .catch(() => setFailure(t.signIn.failed));
    // Once, on arrival: the provider's answer is in the address only now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-tools">
        <LanguagePicker />
      </div>
      <div className="card sign-in-card">
        <h1>{t.signIn.title}</h1>
        <p className="brand-tagline">{t.common.tagline}</p>
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        {!options && !failure && <Loading />}
        {options?.oidc && (
          <>
            <p>{t.signIn.providerHelp}</p>
            <button type="button" className="primary" onClick={() => void beginOidcSignIn(options.oidc!)}>
              {t.signIn.withProvider}
            </button>
          </>
        )}
        {options?.devSignIn && <DevSignIn options={options} onFailure={setFailure} />}
        {options && !options.oidc && !options.devSignIn && <p>{t.signIn.unavailable}</p>}
      </div>
    </main>
  );
}

function DevSignIn({ options, onFailure }: { options: SignInOptions; onFailure: (message: string) => void }) {
  const { t, locale } = useI18n();
  const { signIn } = useSession();
  const [role, setRole] = useState('COUNTY_COORDINATOR');
  const [county, setCounty] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const national = NATIONAL.has(role);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const token = await fetchDevToken({ role, county: national || !county ? undefined : county, email: email || undefined, name: name || undefined });
      await signIn(token, 'dev');
    } catch (error) {
      onFailure(error instanceof Error && error.message ? error.message : t.signIn.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="dev-sign-in" aria-labelledby="dev-sign-in-title">
      <h2 id="dev-sign-in-title">{t.signIn.devTitle}</h2>
      <p className="hint">{t.signIn.devHelp}</p>
      <SelectField label={t.signIn.role} name="role" value={role} onChange={(e) => setRole(e.target.value)} options={ROLES.map((r) => ({ value: r, label: t.common.role[r] }))} />
      {!national && (
        <SelectField
          label={t.signIn.county}
          name="county"
          value={county}
          required={role !== 'ESF_REPORTER'}
          onChange={(e) => setCounty(e.target.value)}
          placeholder={t.signIn.chooseCounty}
          options={options.devCounties.map((c) => ({ value: c.code, label: `${c.code} ${localName(locale, c)}` }))}
        />
      )}
      <TextField label={t.signIn.email} name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField label={t.signIn.name} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="primary" disabled={busy}>
        {t.signIn.submit}
      </button>
    </form>
  );
}
