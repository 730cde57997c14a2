import { loadConfig } from './app-config';

const base = { DATA_DIR: 'memory://', APP_SECRET: 's'.repeat(32) };

describe('configuration from the environment', () => {
  it('listens on loopback only in development, where the mail catcher shows reset links', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...base, NODE_ENV: 'development', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    const production = loadConfig({
      ...base,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x/y',
    });
    expect(production.host).toBe('0.0.0.0');
  });

  it('runs the development mail catcher in development only', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).devMailPort).toBe(1025);
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).devMailPort).toBeNull();
    expect(
      loadConfig({ ...base, NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' }).devMailPort,
    ).toBeNull();
  });

  it('trusts no proxy unless told which', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
    ]);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('sets Secure cookies in production only', () => {
    expect(loadConfig(base).secureCookies).toBe(false);
    expect(
      loadConfig({ ...base, NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' }).secureCookies,
    ).toBe(true);
  });
});
