import { ApiError, authorization, graphql } from '../../api/graphql';

const LINK = 'query ExportLink($id: ID!) { exportJob(id: $id) { downloadUrl } }';

/**
 * Saves a finished export. The download route wants the requester's bearer token besides the signed
 * link, which a plain `<a href>` cannot send: the file is fetched with it and handed to the browser as
 * a Blob. The link is asked for afresh each time, since a signed link lives only ten minutes.
 */
export async function downloadExport(id: string): Promise<void> {
  const { exportJob } = await graphql<{ exportJob: { downloadUrl: string | null } }>(LINK, { id });
  if (!exportJob.downloadUrl) throw new ApiError('The export is not ready', 'NOT_FOUND');
  let response: Response;
  try {
    response = await fetch(exportJob.downloadUrl, { headers: authorization() });
  } catch {
    throw new ApiError('NETWORK', 'NETWORK');
  }
  if (!response.ok) throw new ApiError(`HTTP ${response.status}`, response.status === 404 ? 'NOT_FOUND' : 'other');
  const blob = await response.blob();
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `esf-${id}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; give it a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
