import { ReactNode } from 'react';
import { Paged } from '../../api/paging';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { Page, Section } from '../../ui/page';
import { PagedList, useManages } from './shared';

/** A registry list page; those who manage the registry find the link to add a record beside its title. */
export function ListPage({ title, add, children }: { title: string; add: { to: string; label: string }; children: ReactNode }) {
  const manages = useManages();
  return (
    <Page
      title={title}
      actions={
        manages && (
          <Link to={add.to} className="button primary">
            {add.label}
          </Link>
        )
      }
    >
      {children}
    </Page>
  );
}

/** The list's results, page by page, with any `filters` above them. */
export function ResultsSection<T>({ id, state, empty, filters, children }: { id: string; state: Paged<T>; empty: string; filters?: ReactNode; children: (nodes: T[]) => ReactNode }) {
  const { t } = useI18n();
  return (
    <Section title={t.registry.results} id={id}>
      {filters}
      <PagedList state={state} empty={empty}>
        {children}
      </PagedList>
    </Section>
  );
}
