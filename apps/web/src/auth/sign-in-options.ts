export interface OidcOptions {
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
  scope: string;
  endSessionUrl: string | null;
}

/** What `GET /auth/config` tells the browser before sign-in. */
export interface SignInOptions {
  devSignIn: boolean;
  devCounties: Array<{ code: string; nameFi: string; nameSv: string; nameEn: string }>;
  oidc: OidcOptions | null;
}

export async function fetchSignInOptions(): Promise<SignInOptions> {
  const response = await fetch('/auth/config');
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as SignInOptions;
}

/** The local picker's token from the development issuer; field problems come back as the API's. */
export async function fetchDevToken(request: { role: string; county?: string; email?: string; name?: string }): Promise<string> {
  const response = await fetch('/auth/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const body = (await response.json().catch(() => ({}))) as { token?: string; code?: string; message?: string };
  if (!response.ok || !body.token) throw Object.assign(new Error(body.message ?? `HTTP ${response.status}`), { code: body.code });
  return body.token;
}
