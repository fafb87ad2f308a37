import { challengeOf, randomVerifier } from './pkce';
import { OidcOptions } from './sign-in-options';

const PENDING_KEY = 'lahde.oidc.pending';

/** Where the provider sends the browser back: the app's own page, which finishes the exchange. */
export function redirectUri(): string {
  return `${location.origin}/`;
}

/** Step 1: remember a fresh verifier and state, and go to the provider with the S256 challenge. */
export async function beginOidcSignIn(oidc: OidcOptions): Promise<void> {
  const verifier = randomVerifier();
  const state = randomVerifier(16);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo: location.hash }));
  const url = new URL(oidc.authorizationUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** True when the provider has just sent the browser back with a code (or an error). */
export function isOidcReturn(): boolean {
  const params = new URLSearchParams(location.search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Step 2: check the state, trade the code and the verifier for tokens at the token endpoint, and clean
 * the address bar. The access token is what the API verifies (AUTH_ISSUERS).
 */
export async function completeOidcSignIn(oidc: OidcOptions): Promise<{ token: string; returnTo: string }> {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? ''}`);
  if (!pending || params.get('state') !== pending.state) throw new Error('state mismatch');
  const code = params.get('code');
  if (!code) throw new Error(params.get('error') ?? 'no code');
  const response = await fetch(oidc.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(), client_id: oidc.clientId, code_verifier: pending.verifier }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`token endpoint answered ${response.status}`);
  return { token: body.access_token, returnTo: pending.returnTo };
}

/** Where to send the browser to end the provider's session too (RP-initiated logout), if it has such an endpoint. */
export function endSessionUrl(oidc: OidcOptions): string | null {
  if (!oidc.endSessionUrl) return null;
  const url = new URL(oidc.endSessionUrl);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  return url.toString();
}
