import { createHmac, timingSafeEqual } from 'node:crypto';

export const LINK_TTL_SECONDS = 600;

export interface LinkSubject {
  exportId: string;
  principalId: string;
  tenantId: string;
}

/** A download path signed for one requester in one county, valid for ten minutes. */
export function signDownloadPath(secret: string, subject: LinkSubject, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + LINK_TTL_SECONDS;
  return `/exports/${subject.exportId}/download?expires=${expires}&signature=${signature(secret, subject, expires)}`;
}

export function verifyDownload(secret: string, subject: LinkSubject, expires: number, given: string, now = Date.now()): boolean {
  if (!Number.isInteger(expires) || expires < Math.floor(now / 1000)) return false;
  const expected = Buffer.from(signature(secret, subject, expires), 'hex');
  const actual = Buffer.from(/^[0-9a-f]{64}$/.test(given) ? given : '', 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function signature(secret: string, s: LinkSubject, expires: number): string {
  return createHmac('sha256', secret).update(`${s.exportId}|${s.principalId}|${s.tenantId}|${expires}`).digest('hex');
}
