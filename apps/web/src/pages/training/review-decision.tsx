import { FormEvent, useId, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { SelectField, TextArea, TextField, useFieldProblem } from '../../ui/field';
import { Refusal } from './refusal';
import { DECIDE, NEW_STATUSES, ReviewItem, ReviewOutcome } from './review-api';

const OUTCOMES: ReviewOutcome[] = ['CONFIRMED', 'CHANGED', 'GONE'];

/**
 * Deciding one member: confirmed as is, changed (back to work or on leave) or gone (left the role or the
 * organisation). A change takes effect today unless another date is given; the API records it in the
 * membership's history with the reason "Review <year>".
 */
export function ReviewDecision({ roundId, item, onDecided }: { roundId: string; item: ReviewItem; onDecided: (item: ReviewItem) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState<ReviewOutcome>('CONFIRMED');
  const [newStatus, setNewStatus] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [note, setNote] = useState('');
  const decide = useMutation<{ decideReviewItem: ReviewItem }, { input: Record<string, unknown> }>(DECIDE);
  const statuses = NEW_STATUSES[outcome].filter((s) => s !== item.currentStatus);
  const outcomeProblem = useFieldProblem(decide.error, 'outcome');

  const chooseOutcome = (o: ReviewOutcome) => {
    setOutcome(o);
    const next = NEW_STATUSES[o].filter((s) => s !== item.currentStatus);
    setNewStatus(next.length === 1 ? next[0] : '');
    if (o === 'CONFIRMED') setEffectiveOn('');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { roundId, membershipId: item.membershipId, outcome, newStatus: newStatus || null, effectiveOn: effectiveOn || null, note: note.trim() || null };
    const result = await decide.run({ input });
    if (result) onDecided(result.decideReviewItem);
  };

  return (
    <form onSubmit={submit}>
      <p>
        {t.training.statusNow}: <strong>{t.common.membershipStatus[item.currentStatus] ?? item.currentStatus}</strong>
        {item.unitName && <span className="hint"> · {item.unitName}</span>}
      </p>
      <Refusal error={decide.error} />
      <fieldset aria-describedby={outcomeProblem ? `${id}-outcome` : undefined}>
        <legend>{t.training.decisionLegend}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="check">
            <input type="radio" name={`${id}-outcome`} value={o} checked={outcome === o} onChange={() => chooseOutcome(o)} />
            {t.training.outcomeChoice[o]}
          </label>
        ))}
        {outcomeProblem && (
          <p className="field-error" id={`${id}-outcome`}>
            {outcomeProblem}
          </p>
        )}
      </fieldset>
      <div className="form-grid">
        {outcome !== 'CONFIRMED' && (
          <>
            <SelectField
              label={t.training.newStatus}
              name="newStatus"
              required
              value={newStatus}
              onChange={(e) => setNewStatus(e.target.value)}
              options={statuses.map((s) => ({ value: s, label: t.common.membershipStatus[s] ?? s }))}
              placeholder={statuses.length > 1 ? t.training.chooseStatus : undefined}
              error={decide.error}
            />
            <TextField label={t.training.effectiveOn} name="effectiveOn" type="date" hint={t.training.effectiveOnHint} value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} error={decide.error} />
          </>
        )}
        <TextArea label={t.training.note} name="note" hint={t.training.noteHint} maxLength={500} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={decide.error} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={decide.running}>
          {decide.running ? t.common.state.saving : t.training.saveDecision}
        </button>
      </div>
    </form>
  );
}
