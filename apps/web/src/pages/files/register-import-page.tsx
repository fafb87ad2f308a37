import { useI18n } from '../../i18n/i18n';
import { Route } from '../../routing';
import { Page } from '../../ui/page';

export function RegisterImportPage(_props: { route: Route }) {
  const { t } = useI18n();
  return (
    <Page title={t.common.nav.registerImport}>
      <p>{t.files.placeholder}</p>
    </Page>
  );
}
