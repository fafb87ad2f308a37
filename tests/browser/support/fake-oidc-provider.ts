import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '@lahde/platform/auth';
import { TestIssuer } from '@lahde/testing';

interface Grant {
  challenge: string;
  redirectUri: string;
  clientId: string;
}

/**
 * A minimal OpenID Connect provider for the browser tests: the authorization endpoint signs the user in
 * at once (as the role it was told) and redirects back with a code; the token endpoint gives an access
 * token only for that code with the verifier whose S256 hash is the challenge (RFC 7636), once.
 */
export class FakeOidcProvider {
  /** Requests the token endpoint refused, and why: a test can assert that none were refused. */
  readonly refusals: string[] = [];
  /** Sign-outs at the end-session endpoint: the client ids that asked. */
  readonly signOuts: string[] = [];
  private readonly grants = new Map<string, Grant>();

  /** Signs the access tokens: the identity provider the API trusts (set once the API has started). */
  issuer: TestIssuer | null = null;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly user: { role: Role; county?: string; email?: string; name?: string },
  ) {}

  static async start(user: { role: Role; county?: string; email?: string; name?: string }): Promise<FakeOidcProvider> {
    let provider: FakeOidcProvider | undefined;
    const server = createServer((req, res) => void provider!.handle(req).then(({ status, headers, body }) => res.writeHead(status, headers).end(body)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    provider = new FakeOidcProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, user);
    return provider;
  }

  env(clientId = 'lahde-web'): Record<string, string> {
    return { OIDC_AUTHORIZATION_URL: `${this.url}/authorize`, OIDC_TOKEN_URL: `${this.url}/token`, OIDC_CLIENT_ID: clientId, OIDC_END_SESSION_URL: `${this.url}/logout` };
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body?: string }> {
    const url = new URL(req.url ?? '/', this.url);
    const cors = { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-allow-headers': 'content-type' };
    if (req.method === 'OPTIONS') return { status: 204, headers: { ...cors, 'access-control-allow-methods': 'POST' } };
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge') || !p.get('state')) {
        return { status: 400, headers: {}, body: 'bad authorization request' };
      }
      const code = randomBytes(16).toString('hex');
      this.grants.set(code, { challenge: p.get('code_challenge')!, redirectUri: p.get('redirect_uri')!, clientId: p.get('client_id')! });
      const back = new URL(p.get('redirect_uri')!);
      back.search = new URLSearchParams({ code, state: p.get('state')! }).toString();
      return { status: 302, headers: { location: back.toString() } };
    }
    if (url.pathname === '/logout') {
      this.signOuts.push(url.searchParams.get('client_id') ?? '');
      return { status: 302, headers: { location: url.searchParams.get('post_logout_redirect_uri') ?? '/' } };
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await body(req));
      const grant = this.grants.get(form.get('code') ?? '');
      this.grants.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const refusal = !grant
        ? 'unknown or reused code'
        : createHash('sha256').update(verifier).digest('base64url') !== grant.challenge
          ? 'verifier does not match the challenge'
          : form.get('redirect_uri') !== grant.redirectUri || form.get('client_id') !== grant.clientId || form.get('grant_type') !== 'authorization_code'
            ? 'redirect_uri, client_id or grant_type differ'
            : null;
      if (refusal) {
        this.refusals.push(refusal);
        return { status: 400, headers: { ...cors, 'content-type': 'application/json' }, body: JSON.stringify({ error: 'invalid_grant' }) };
      }
      const token = await this.issuer!.token(this.user.role, this.user.county, { email: this.user.email, name: this.user.name, subject: this.user.email });
      return { status: 200, headers: { ...cors, 'content-type': 'application/json' }, body: JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }) };
    }
    return { status: 404, headers: {} };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
