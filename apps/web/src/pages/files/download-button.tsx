import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { downloadExport } from './download';

/** "Download" for one export; `context` (what the file is) completes the button's name for screen readers. */
export function DownloadButton({ id, context }: { id: string; context: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function download() {
    setBusy(true);
    setFailed(false);
    try {
      await downloadExport(id);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="primary download" disabled={busy} onClick={download}>
        {t.common.action.download}
        <span className="visually-hidden">{` ${context}`}</span>
      </button>
      {failed && (
        <p className="field-error" role="alert">
          {t.files.downloadFailed}
        </p>
      )}
    </>
  );
}
