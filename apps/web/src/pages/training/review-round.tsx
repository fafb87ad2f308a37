import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/graphql';
import { useMutation, useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { Page, Section } from '../../ui/page';
import { Empty, Loaded } from '../../ui/status';
import { Refusal } from './refusal';
import { CLOSE_ROUND, ReviewItem, ReviewRound, ROUND_QUERY } from './review-api';
import { ReviewDecision } from './review-decision';
import { RoundProgress } from './review-progress';

type RoundWithItems = ReviewRound & { items: ReviewItem[] };

/** One year's round: progress, the member being decided, every member, and closing the round. */
export function ReviewRoundView({ year }: { year: number }) {
  const { t } = useI18n();
  const state = useQuery<{ reviewRound: RoundWithItems }>(ROUND_QUERY, { year });
  return (
    <Page title={t.training.roundTitle(year)} actions={<Link to="/review">{t.training.allRounds}</Link>}>
      <Loaded state={state}>{({ reviewRound }) => <Round round={reviewRound} reload={state.reload} />}</Loaded>
    </Page>
  );
}

function Round({ round, reload }: { round: RoundWithItems; reload: () => void }) {
  const { t, format } = useI18n();
  // Decided here but perhaps not yet in the reloaded round: never offered for a second decision.
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const open = round.items.filter((i) => !i.outcome && !done.has(i.membershipId));
  const [chosen, setChosen] = useState<string | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const current = open.find((i) => i.membershipId === chosen) ?? open[0];
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // After the user picks a member or decides one, the decision's heading takes focus so they land on the form.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = false;
  }, [current?.membershipId]);

  const pick = (item: ReviewItem) => {
    moved.current = true;
    setNotice('');
    setChosen(item.membershipId);
  };
  const decided = (item: ReviewItem) => {
    const rest = open.filter((i) => i.membershipId !== item.membershipId);
    const after = rest.find((i) => i.personName.localeCompare(item.personName) > 0) ?? rest[0];
    moved.current = true;
    setDone((d) => new Set(d).add(item.membershipId));
    setChosen(after?.membershipId ?? null);
    setNotice(t.training.decisionSaved(item.personName, item.outcome ? t.training.outcome[item.outcome] : ''));
    reload();
  };

  const rows = onlyOpen ? open : round.items;
  return (
    <>
      <Section title={t.training.progressTitle} id="round-progress">
        <RoundProgress counts={round.counts} />
        <p className="hint">
          {t.training.openedOn}: {format.date(round.openedOn)}
          {round.closedOn && ` · ${t.training.closedOn}: ${format.date(round.closedOn)}`}
        </p>
        {round.closedOn && <p>{t.training.roundIsClosed}</p>}
        <p role="status" className={notice ? 'success' : undefined}>
          {notice}
        </p>
      </Section>
      {!round.closedOn && (
        <section className="card" aria-labelledby="decision-title">
          <h2 id="decision-title" ref={heading} tabIndex={-1}>
            {current ? t.training.decisionTitle(current.personName) : t.training.allDecided}
          </h2>
          {current && <ReviewDecision key={current.membershipId} roundId={round.id} item={current} onDecided={decided} />}
        </section>
      )}
      <Section title={t.training.membersTitle} id="round-members">
        <label className="check">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
          {t.training.onlyUndecided}
        </label>
        {rows.length === 0 ? (
          <Empty>{t.training.noneUndecided}</Empty>
        ) : (
          <DataTable<ReviewItem>
            caption={t.training.membersCaption(rows.length, round.items.length)}
            rows={rows}
            rowKey={(i) => i.membershipId}
            columns={[
              { key: 'name', header: t.training.member, cell: (i) => i.personName, sortValue: (i) => i.personName },
              { key: 'unit', header: t.training.unit, cell: (i) => i.unitName ?? t.common.state.none, sortValue: (i) => i.unitName },
              { key: 'status', header: t.training.statusNow, cell: (i) => t.common.membershipStatus[i.currentStatus] ?? i.currentStatus, sortValue: (i) => i.currentStatus },
              {
                key: 'outcome',
                header: t.training.decisionLegend,
                cell: (i) => <span className={`badge ${i.outcome ? 'ok' : 'warn'}`}>{i.outcome ? t.training.outcome[i.outcome] : t.training.undecided}</span>,
                sortValue: (i) => i.outcome ?? '',
              },
              { key: 'note', header: t.training.note, cell: (i) => i.note ?? '' },
              {
                key: 'action',
                header: t.training.actions,
                cell: (i) =>
                  !i.outcome && !round.closedOn ? (
                    <button type="button" className="link" aria-label={t.training.decidePerson(i.personName)} onClick={() => pick(i)}>
                      {t.training.decide}
                    </button>
                  ) : null,
              },
            ]}
          />
        )}
      </Section>
      {!round.closedOn && <CloseRound round={round} onClosed={reload} />}
    </>
  );
}

/** Closing asks the API first; only when it refuses because members are undecided is closing anyway offered. */
function CloseRound({ round, onClosed }: { round: ReviewRound; onClosed: () => void }) {
  const { t } = useI18n();
  const close = useMutation<{ closeReviewRound: ReviewRound }>(CLOSE_ROUND);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal) confirmBox.current?.focus();
  }, [refusal]);

  const attempt = async (force: boolean) => {
    const result = await close.run({ year: round.year, force });
    if (result) {
      setRefusal(null);
      onClosed();
    }
  };
  // The refusal that asks for `force` stays on screen with the confirmation; other errors show as they are.
  useEffect(() => {
    const e = close.error;
    if (e instanceof ApiError && e.code === 'CONFLICT' && e.fields.some((f) => f.field === 'force')) setRefusal(e);
  }, [close.error]);

  return (
    <Section title={t.training.closeTitle} id="close-round">
      <p className="hint">{t.training.closeHint}</p>
      {!refusal && (
        <>
          <Refusal error={close.error} />
          <button type="button" onClick={() => void attempt(false)} disabled={close.running}>
            {t.training.closeRound}
          </button>
        </>
      )}
      {refusal && (
        <div className="confirm" ref={confirmBox} tabIndex={-1} role="group" aria-labelledby="force-question">
          <Refusal error={refusal} lead={t.training.stillOpen(round.counts.open)} />
          <p id="force-question">{t.training.forceQuestion}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void attempt(true)} disabled={close.running}>
              {t.training.closeAnyway}
            </button>
            <button type="button" onClick={() => {
                setRefusal(null);
                close.reset();
              }}>
              {t.common.action.cancel}
            </button>
          </div>
          {close.error !== refusal && <Refusal error={close.error} />}
        </div>
      )}
    </Section>
  );
}
