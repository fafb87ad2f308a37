export interface EsfExport {
  id: string;
  kind: string;
  format: string;
  periodFrom: string;
  periodTo: string;
  status: string;
  progress: number;
  rowCount: number | null;
  error: string | null;
  createdAt: string;
}

export const EXPORT_FIELDS = 'id kind format periodFrom periodTo status progress rowCount error createdAt';

export const isExportRunning = (status: string) => status === 'QUEUED' || status === 'RUNNING';

export const EXPORT_TONE: Record<string, 'ok' | 'warn' | 'bad' | undefined> = { DONE: 'ok', EXPIRED: 'warn', FAILED: 'bad' };
