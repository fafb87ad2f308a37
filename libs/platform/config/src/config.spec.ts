import { ConfigError, DEV_ISSUER, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://app@localhost/lahde', REDIS_URL: 'redis://localhost:6379' };

describe('loadConfig', () => {
  it('applies development defaults and adds the dev issuer', () => {
    const config = loadConfig({ ...base });
    expect(config.nodeEnv).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.auth.audience).toBe('lahde-api');
    expect(config.auth.issuers.map((i) => i.issuer)).toEqual([DEV_ISSUER]);
    expect(config.exports.retentionDays).toBe(30);
  });

  it('configures the web app\'s OpenID Connect sign-in only with all of its settings', () => {
    expect(loadConfig({ ...base }).web.oidc).toBeNull();
    const oidc = loadConfig({ ...base, OIDC_AUTHORIZATION_URL: 'https://idp.example/authorize', OIDC_TOKEN_URL: 'https://idp.example/token', OIDC_CLIENT_ID: 'lahde-web' }).web.oidc;
    expect(oidc).toEqual({ authorizationUrl: 'https://idp.example/authorize', tokenUrl: 'https://idp.example/token', clientId: 'lahde-web', scope: 'openid profile email', endSessionUrl: null });
    expect(() => loadConfig({ ...base, OIDC_CLIENT_ID: 'lahde-web' })).toThrow(/OIDC sign-in needs[\s\S]*missing OIDC_AUTHORIZATION_URL, OIDC_TOKEN_URL/);
    expect(() =>
      loadConfig({ ...base, NODE_ENV: 'production', EXPORT_LINK_SECRET: 's'.repeat(40), AUTH_ISSUERS: '[{"issuer":"x","jwksUrl":"https://idp/jwks"}]', OIDC_AUTHORIZATION_URL: 'http://idp/a', OIDC_TOKEN_URL: 'nope', OIDC_CLIENT_ID: 'c' }),
    ).toThrow(/OIDC_AUTHORIZATION_URL must use https in production[\s\S]*OIDC_TOKEN_URL is not a URL/);
  });

  it('keeps files for FILE_RETENTION_DAYS, between 1 and 365', () => {
    expect(loadConfig({ ...base, FILE_RETENTION_DAYS: '7' }).exports.retentionDays).toBe(7);
    expect(() => loadConfig({ ...base, FILE_RETENTION_DAYS: '0' })).toThrow(/FILE_RETENTION_DAYS must be an integer between 1 and 365/);
  });

  it('reports every problem at once, naming each variable', () => {
    try {
      loadConfig({ PORT: 'abc', NODE_ENV: 'prod', AUTH_ALGORITHMS: 'HS256,none' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).problems.join('\n');
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'PORT', 'NODE_ENV', 'HS256', 'none']) expect(text).toContain(name);
    }
  });

  it('refuses the dev issuer in production and insecure JWKS URLs', () => {
    expect(() =>
      loadConfig({ ...base, NODE_ENV: 'production', AUTH_DEV_ISSUER: 'true', AUTH_ISSUERS: '[{"issuer":"x","jwksUrl":"http://idp/jwks"}]', EXPORT_LINK_SECRET: 'x'.repeat(32) }),
    ).toThrow(/AUTH_DEV_ISSUER[\s\S]*https/);
  });

  it('parses configured issuers with their county and role restrictions', () => {
    const config = loadConfig({
      ...base,
      NODE_ENV: 'production',
      EXPORT_LINK_SECRET: 's'.repeat(40),
      AUTH_ISSUERS: JSON.stringify([{ issuer: 'https://idp.example', jwksUrl: 'https://idp.example/jwks', counties: ['10'] }]),
    });
    expect(config.auth.devIssuer).toBe(false);
    expect(config.auth.issuers).toEqual([{ issuer: 'https://idp.example', jwksUrl: 'https://idp.example/jwks', counties: ['10'], roles: undefined }]);
  });

  it('reads rate limits, trusted proxies and the metrics token, refusing bad values by name', () => {
    const config = loadConfig({ ...base, RATE_LIMIT_PER_USER: '120', RATE_LIMIT_PER_IP: '0', RATE_LIMIT_WINDOW_SECONDS: '10', TRUST_PROXY: 'loopback, 10.0.0.0/8', METRICS_TOKEN: 'm'.repeat(20) });
    expect(config.rateLimits).toEqual({ perUser: 120, perIp: 0, windowSeconds: 10 });
    expect(config.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(config.metricsToken).toBe('m'.repeat(20));
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base }).trustProxy).toBe(false);
    expect(() => loadConfig({ ...base, RATE_LIMIT_PER_IP: '-1', RATE_LIMIT_WINDOW_SECONDS: '0', TRUST_PROXY: '10.0.0.0/33,proxy.example', METRICS_TOKEN: 'short' })).toThrow(
      /RATE_LIMIT_PER_IP[\s\S]*RATE_LIMIT_WINDOW_SECONDS[\s\S]*TRUST_PROXY[\s\S]*10\.0\.0\.0\/33, proxy\.example[\s\S]*METRICS_TOKEN/,
    );
  });

  it('limits and logs by default outside tests; tests run quiet and unthrottled', () => {
    expect(loadConfig({ ...base })).toMatchObject({ logLevel: 'log', rateLimits: { perUser: 600, perIp: 3000, windowSeconds: 60 } });
    expect(loadConfig({ ...base, NODE_ENV: 'test' })).toMatchObject({ logLevel: 'warn', rateLimits: { perUser: 0, perIp: 0 } });
  });
});
