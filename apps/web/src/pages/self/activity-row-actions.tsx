import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * Edit and delete for one entry. Delete asks first, in place; the keyboard lands on "Cancel" so a
 * second Enter cannot delete by accident.
 */
export function ActivityRowActions({ label, busy, onEdit, onDelete }: { label: string; busy: boolean; onEdit: () => void; onDelete: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);
  const context = <span className="visually-hidden">{` ${label}`}</span>;

  if (confirming) {
    return (
      <div className="row-actions" role="group" aria-label={`${t.self.confirmDelete} ${label}`}>
        <span>{t.self.confirmDelete}</span>
        <button type="button" className="danger" disabled={busy} onClick={onDelete}>
          {t.self.yesDelete}
          {context}
        </button>
        <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
          {t.common.action.cancel}
        </button>
      </div>
    );
  }
  return (
    <div className="row-actions">
      <button type="button" className="link" onClick={onEdit}>
        {t.common.action.edit}
        {context}
      </button>
      <button type="button" className="link danger" onClick={() => setConfirming(true)}>
        {t.self.delete}
        {context}
      </button>
    </div>
  );
}
