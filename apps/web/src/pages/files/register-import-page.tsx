import { useCallback } from 'react';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { navigate, Route } from '../../routing';
import { Page, Section } from '../../ui/page';
import { Loaded } from '../../ui/status';
import { ImportList } from './import-list';
import { ImportReport } from './import-report';
import { IMPORT_FIELDS, RegisterImport } from './import-types';
import { UploadForm } from './upload-form';
import './files.css';

const IMPORTS = `{ registerImports { ${IMPORT_FIELDS} } }`;

/**
 * Import a key worker register: upload, read the dry run row by row, commit. The import being looked at
 * is in the address (`#/import/<id>`), so a reload or a shared link shows the same report.
 */
export function RegisterImportPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const current = route.segments[1];
  const imports = useQuery<{ registerImports: RegisterImport[] }>(IMPORTS);
  const reloadList = imports.reload;
  const changed = useCallback(() => reloadList(), [reloadList]);
  return (
    <Page title={t.common.nav.registerImport}>
      <Section title={t.files.uploadTitle} id="upload-register">
        <p>{t.files.uploadIntro}</p>
        <UploadForm onStarted={(id) => navigate(`/import/${id}`)} />
      </Section>
      {current && <ImportReport key={current} id={current} onChange={changed} />}
      <Section title={t.files.previousTitle} id="previous-imports">
        <Loaded state={imports}>{({ registerImports }) => <ImportList imports={registerImports} current={current} />}</Loaded>
      </Section>
    </Page>
  );
}
