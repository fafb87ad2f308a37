import { ApiError, authorization, graphql } from '../../api/graphql';
import { saveFile } from '../../ui/save-file';

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
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `esf-${id}`;
  saveFile(await response.blob(), fileName);
}
