import { REDIS_MISSING_HELP, startLocalRedis } from './local-redis';

describe('startLocalRedis', () => {
  it('says how to get Redis when redis-server is not on PATH', async () => {
    await expect(startLocalRedis('/tmp/unused', { PATH: '/nonexistent' })).rejects.toThrow(REDIS_MISSING_HELP);
    expect(REDIS_MISSING_HELP).toMatch(/REDIS_URL=redis:\/\/host:port[\s\S]*apt-get install redis-server/);
  });
});
