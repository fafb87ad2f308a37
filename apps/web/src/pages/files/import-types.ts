export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  certified: number;
}

export interface RegisterImport {
  id: string;
  fileName: string;
  format: string;
  createdAt: string;
  finishedAt: string | null;
  status: string;
  progress: number;
  rowCount: number | null;
  summary: ImportSummary | null;
}

export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export const IMPORT_FIELDS = 'id fileName format createdAt finishedAt status progress rowCount summary { created updated unchanged certified }';

/** Statuses during which a background job is still working on the import. */
export const isImportRunning = (status: string) => status === 'VALIDATING' || status === 'COMMITTING';

export const IMPORT_TONE: Record<string, 'ok' | 'warn' | 'bad' | undefined> = { VALID: 'ok', COMMITTED: 'ok', INVALID: 'bad', FAILED: 'bad', EXPIRED: 'warn' };
