import { useState } from 'react';
import { usePaged } from '../../api/paging';
import { useI18n } from '../../i18n/i18n';
import { Route } from '../../routing';
import { Column, DataTable } from '../../ui/data-table';
import { optionsOf, SelectField } from '../../ui/field';
import { Page } from '../../ui/page';
import { Empty } from '../../ui/status';
import { ShowMore } from './show-more';
import './self.css';

interface Entry {
  personId: string;
  name: string;
  unitName: string | null;
  organisationName: string | null;
  sector: string | null;
}

const DIRECTORY = `query Directory($sector: Sector, $first: Int!, $after: String) {
  keyWorkerDirectory(sector: $sector, first: $first, after: $after) {
    totalCount nodes { personId name unitName organisationName sector } pageInfo { hasNextPage endCursor }
  }
}`;

const keyOf = (e: Entry) => e.personId;

/** The county's opt-in directory of active key workers: name, unit and sector only. */
export function DirectoryPage(_props: { route: Route }) {
  const { t } = useI18n();
  const [sector, setSector] = useState('');
  const paged = usePaged<Entry>(DIRECTORY, 'keyWorkerDirectory', { sector: sector || null }, { keyOf });
  const none = t.common.state.none;
  const columns: Column<Entry>[] = [
    { key: 'name', header: t.self.name, cell: (e) => e.name, sortValue: (e) => e.name },
    { key: 'organisation', header: t.self.organisation, cell: (e) => e.organisationName ?? none, sortValue: (e) => e.organisationName },
    { key: 'unit', header: t.self.unit, cell: (e) => e.unitName ?? none, sortValue: (e) => e.unitName },
    { key: 'sector', header: t.self.sector, cell: (e) => (e.sector ? t.common.sector[e.sector] : none), sortValue: (e) => (e.sector ? t.common.sector[e.sector] : null) },
  ];
  return (
    <Page title={t.common.nav.directory}>
      <p>{t.self.directoryIntro}</p>
      <div className="toolbar">
        <SelectField label={t.self.sector} name="sector" value={sector} onChange={(e) => setSector(e.target.value)} options={optionsOf(t.common.sector)} placeholder={t.self.allSectors} error={paged.error} />
      </div>
      {paged.loaded &&
        (paged.nodes.length ? (
          <DataTable caption={t.self.directoryCaption(paged.nodes.length, paged.totalCount)} columns={columns} rows={paged.nodes} rowKey={(e) => e.personId} />
        ) : (
          <Empty>{t.self.noDirectory}</Empty>
        ))}
      <ShowMore paged={paged} />
    </Page>
  );
}
