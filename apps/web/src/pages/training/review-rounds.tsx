import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { TextField } from '../../ui/field';
import { Page, Section } from '../../ui/page';
import { Empty, Loaded } from '../../ui/status';
import { todayInFinland } from '../../ui/period';
import { Refusal } from './refusal';
import { OPEN_ROUND, ReviewRound, ROUNDS_QUERY } from './review-api';
import { RoundProgress } from './review-progress';

/** The county's review rounds: the one in progress, opening the year's round, and the history. */
export function ReviewRounds() {
  const { t } = useI18n();
  const state = useQuery<{ reviewRounds: ReviewRound[] }>(ROUNDS_QUERY);
  return (
    <Page title={t.common.nav.review}>
      <Loaded state={state}>
        {({ reviewRounds: rounds }) => (
          <>
            {rounds
              .filter((r) => !r.closedOn)
              .map((r) => (
                <Section key={r.id} title={t.training.roundInProgress(r.year)} id={`round-${r.year}`}>
                  <RoundProgress counts={r.counts} />
                  <Link to={`/review/${r.year}`} className="button primary">
                    {t.training.continueReview(r.year)}
                  </Link>
                </Section>
              ))}
            <OpenRound years={new Set(rounds.map((r) => r.year))} />
            <RoundHistory rounds={rounds} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function OpenRound({ years }: { years: ReadonlySet<number> }) {
  const { t } = useI18n();
  const thisYear = Number(todayInFinland().slice(0, 4));
  const [year, setYear] = useState(String(years.has(thisYear) ? thisYear + 1 : thisYear));
  const open = useMutation<{ openReviewRound: ReviewRound }>(OPEN_ROUND);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await open.run({ year: Number(year) });
    if (result) navigate(`/review/${result.openReviewRound.year}`);
  };
  return (
    <Section title={t.training.openTitle} id="open-round">
      <p className="hint">{t.training.openHint}</p>
      <form onSubmit={submit}>
        <Refusal error={open.error} />
        <div className="toolbar">
          <TextField label={t.training.year} name="year" type="number" min={2020} max={2100} required value={year} onChange={(e) => setYear(e.target.value)} error={open.error} />
          <button type="submit" className="primary" disabled={open.running}>
            {open.running ? t.common.state.saving : t.training.openRound}
          </button>
        </div>
      </form>
    </Section>
  );
}

function RoundHistory({ rounds }: { rounds: ReviewRound[] }) {
  const { t, format } = useI18n();
  return (
    <Section title={t.training.historyTitle} id="round-history">
      {rounds.length === 0 ? (
        <Empty>{t.training.noRounds}</Empty>
      ) : (
        <DataTable<ReviewRound>
          caption={t.training.roundsCaption}
          rows={rounds}
          rowKey={(r) => r.id}
          initialSort={{ key: 'year', descending: true }}
          columns={[
            { key: 'year', header: t.training.year, cell: (r) => <Link to={`/review/${r.year}`}>{t.training.roundTitle(r.year)}</Link>, sortValue: (r) => r.year },
            { key: 'state', header: t.training.status, cell: (r) => <span className={`badge ${r.closedOn ? 'ok' : 'warn'}`}>{r.closedOn ? t.training.roundClosed : t.training.roundOpen}</span> },
            { key: 'opened', header: t.training.openedOn, cell: (r) => format.date(r.openedOn), sortValue: (r) => r.openedOn },
            { key: 'closed', header: t.training.closedOn, cell: (r) => format.date(r.closedOn), sortValue: (r) => r.closedOn },
            { key: 'total', header: t.training.members, cell: (r) => format.number(r.counts.total), sortValue: (r) => r.counts.total, numeric: true },
            { key: 'confirmed', header: t.training.countHeader.CONFIRMED, cell: (r) => format.number(r.counts.confirmed), sortValue: (r) => r.counts.confirmed, numeric: true },
            { key: 'changed', header: t.training.countHeader.CHANGED, cell: (r) => format.number(r.counts.changed), sortValue: (r) => r.counts.changed, numeric: true },
            { key: 'gone', header: t.training.countHeader.GONE, cell: (r) => format.number(r.counts.gone), sortValue: (r) => r.counts.gone, numeric: true },
            { key: 'open', header: t.training.undecided, cell: (r) => format.number(r.counts.open), sortValue: (r) => r.counts.open, numeric: true },
          ]}
        />
      )}
    </Section>
  );
}
