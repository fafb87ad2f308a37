import { useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Column, DataTable } from '../../ui/data-table';
import { Section } from '../../ui/page';
import { Empty, Loaded } from '../../ui/status';

interface Certificate {
  id: string;
  kind: string;
  issuedOn: string;
  certifiedByThl: boolean;
  courseId: string | null;
}

// A trainer also sees the certificates of the people they trained: the person filter keeps only their own.
const MY_CERTIFICATES = `query MyCertificates($personId: ID!) { certificates(personId: $personId) { id kind issuedOn certifiedByThl courseId } }`;

export function CertificatesSection({ personId }: { personId: string }) {
  const { t, format } = useI18n();
  const state = useQuery<{ certificates: Certificate[] }>(MY_CERTIFICATES, { personId });
  const source = (c: Certificate) => (c.certifiedByThl ? t.self.viaThl : c.courseId ? t.self.viaCourse : t.self.viaRegister);
  const columns: Column<Certificate>[] = [
    { key: 'kind', header: t.self.certificate, cell: (c) => t.self.certificateKind[c.kind] ?? c.kind, sortValue: (c) => t.self.certificateKind[c.kind] },
    { key: 'issuedOn', header: t.self.issuedOn, cell: (c) => format.date(c.issuedOn), sortValue: (c) => c.issuedOn },
    { key: 'source', header: t.self.source, cell: source },
  ];
  return (
    <Section title={t.self.certificatesTitle} id="my-certificates">
      <Loaded state={state}>
        {({ certificates }) =>
          certificates.length ? (
            <DataTable caption={t.self.certificatesCaption} columns={columns} rows={certificates} rowKey={(c) => c.id} />
          ) : (
            <Empty>{t.self.noCertificates}</Empty>
          )
        }
      </Loaded>
    </Section>
  );
}
