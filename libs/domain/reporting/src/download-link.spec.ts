import { signDownloadPath, verifyDownload } from './download-link';

const subject = { exportId: 'e1', principalId: 'idp#anna', tenantId: 't10' };
const parse = (path: string) => {
  const url = new URL(path, 'http://x');
  return { expires: Number(url.searchParams.get('expires')), signature: url.searchParams.get('signature')! };
};

describe('download links', () => {
  it('verify for their requester, county and export only, until they expire', () => {
    const now = Date.UTC(2026, 10, 24, 12);
    const { expires, signature } = parse(signDownloadPath('secret', subject, now));
    expect(verifyDownload('secret', subject, expires, signature, now)).toBe(true);
    expect(verifyDownload('secret', { ...subject, principalId: 'idp#mallory' }, expires, signature, now)).toBe(false);
    expect(verifyDownload('secret', { ...subject, tenantId: 't09' }, expires, signature, now)).toBe(false);
    expect(verifyDownload('secret', { ...subject, exportId: 'e2' }, expires, signature, now)).toBe(false);
    expect(verifyDownload('other', subject, expires, signature, now)).toBe(false);
    expect(verifyDownload('secret', subject, expires + 1, signature, now)).toBe(false);
    expect(verifyDownload('secret', subject, expires, signature, now + 601_000)).toBe(false);
    expect(verifyDownload('secret', subject, expires, 'zz', now)).toBe(false);
  });
});
