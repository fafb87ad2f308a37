import ExcelJS from 'exceljs';
import { Role } from '@lahde/platform/auth';
import { countyId, inTenant, inTenantCommitted, runtimeClient } from '@lahde/testing';
import { RegisterImportProcessor } from '../../libs/domain/register-import/src/import.processor';
import { errorCodes, GqlResult, TestApi } from '../support/test-api';

const COUNTY = '05';
const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: COUNTY };
const IMPORT = 'id status progress rowCount format problems { row column message } summary { created updated unchanged certified }';
type Import = {
  id: string;
  status: string;
  progress: number;
  rowCount: number | null;
  problems: Array<{ row: number | null; column: string | null; message: string }>;
  summary: { created: number; updated: number; unchanged: number; certified: number } | null;
};

/** Importing a county's existing key worker register: dry run with every problem by row, all-or-nothing commit, idempotent re-import. */
describe('register import', () => {
  let api: TestApi;
  const call = async <T>(query: string, variables: Record<string, unknown> = {}, auth: { role: Role; county?: string } = COORDINATOR): Promise<T> => {
    const result: GqlResult<T> = await api.gql<T>(query, variables, auth);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  const start = (fileName: string, content: Buffer, mapping?: Array<{ field: string; column: string }>) =>
    call<{ startRegisterImport: Import }>(`mutation($input: StartRegisterImportInput!) { startRegisterImport(input: $input) { ${IMPORT} } }`, {
      input: { fileName, contentBase64: content.toString('base64'), mapping },
    }).then((r) => r.startRegisterImport);
  const settled = async (id: string, until: string[]): Promise<Import> => {
    for (let i = 0; i < 200; i++) {
      const { registerImport } = await call<{ registerImport: Import }>(`query($id: ID!) { registerImport(id: $id) { ${IMPORT} } }`, { id });
      if (until.includes(registerImport.status)) return registerImport;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} did not reach ${until}`);
  };
  const commit = (id: string) => call<{ commitRegisterImport: Import }>(`mutation($id: ID!) { commitRegisterImport(id: $id) { ${IMPORT} } }`, { id }).then((r) => r.commitRegisterImport);
  /** The county's people, certificates, memberships and audit rows, read in its tenant outside the API. */
  const registry = async () => {
    const db = await runtimeClient();
    try {
      const tenant = await countyId(db, COUNTY);
      return await inTenant(db, tenant, async () => {
      const people = await db.query(
        `SELECT p.email, p.first_name, p.last_name, p.phone, p.job_title, u.name AS unit, p.version,
                (SELECT issued_on::text FROM certificates c WHERE c.person_id = p.id AND c.kind = 'KEY_WORKER') AS certified_on,
                (SELECT status FROM memberships m WHERE m.person_id = p.id) AS membership
           FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.tenant_id = $1 ORDER BY p.email`,
        [tenant],
      );
      const [{ audits }] = (await db.query("SELECT count(*)::int AS audits FROM audit_log WHERE tenant_id = $1 AND entity IN ('Person', 'Certificate', 'Membership')", [tenant])).rows;
      return { people: people.rows, audits };
      });
    } finally {
      await db.end();
    }
  };
  const xlsx = async (rows: unknown[][]) => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Avainhenkilöt').addRows(rows);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
  const CLEAN = [
    ['Etunimi', 'Sukunimi', 'Sähköposti', 'Puhelin', 'Työtehtävä', 'Organisaatio', 'Työpaikan yksikkö', 'Koulutettu'],
    ['Anna', 'Aalto', 'anna.aalto@varha.test', '040 111 2222', 'Sosiaalityöntekijä', 'Varha', 'Lastensuojelu', new Date(Date.UTC(2024, 4, 12))],
    ['Bertta', 'Berg', 'bertta.berg@varha.test', null, 'Terveydenhoitaja', 'Varha', 'Neuvola', null],
    ['Olli', 'Ojala', 'OLLI.OJALA@varha.test', '050 999 8888', null, null, null, null],
  ];
  const MAPPING = [{ field: 'UNIT', column: 'Työpaikan yksikkö' }];

  beforeAll(async () => {
    api = await TestApi.start({ env: { RUN_JOBS_IN_API: 'true', QUEUE_PREFIX: 'register-import-e2e' } });
    const { createOrganisation } = await call<{ createOrganisation: { id: string } }>('mutation { createOrganisation(input: { type: COUNTY, name: "Varha" }) { id } }');
    for (const [name, sector] of [['Lastensuojelu', 'SOCIAL_AND_HEALTH_CARE'], ['Neuvola', 'SOCIAL_AND_HEALTH_CARE']]) {
      await call('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input: { organisationId: createOrganisation.id, name, sector } });
    }
    await call('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
      input: { firstName: 'Olli', lastName: 'Ojala', email: 'olli.ojala@varha.test', phone: '050 123 4567' },
    });
  });
  afterAll(() => api.close());

  it('reports every problem of a CSV with its row and column in the dry run, and writes nothing', async () => {
    const before = await registry();
    const csv = [
      'Nimi;Sähköposti;Puhelin;Työtehtävä;Organisaatio;Palvelu;Koulutettu',
      'Aalto, Anna;anna.aalto@varha.test;040 111 2222;Sosiaalityöntekijä;Varha;Lastensuojelu;12.5.2024',
      'Bertta Berg;not-an-email;;;Varha;Neuvola;',
      'Cecilia Carlsson;ANNA.AALTO@varha.test;;;;;',
      '',
      'Daniel Dahl;daniel@varha.test;abc;;Tuntematon Oy;;',
      '"Eero ""Eki"" Esimerkki";eero@varha.test;;;Varha;Ei ole;2099',
    ].join('\r\n');
    const started = await start('rekisteri.csv', Buffer.from('\uFEFF' + csv + '\r\n'));
    expect(started).toMatchObject({ status: 'VALIDATING', format: 'CSV' });
    const checked = await settled(started.id, ['VALID', 'INVALID']);
    expect(checked).toMatchObject({ status: 'INVALID', rowCount: 5, progress: 100 });
    expect(checked.problems).toEqual([
      { row: 3, column: 'Sähköposti', message: 'email must be an e-mail address' },
      { row: 4, column: 'Sähköposti', message: 'the same e-mail address as row 2' },
      { row: 6, column: 'Puhelin', message: 'phone may contain digits, spaces, +, ( ) and - only' },
      { row: 6, column: 'Organisaatio', message: 'no organisation "Tuntematon Oy" in the county: create it first or correct the name' },
      { row: 7, column: 'Palvelu', message: 'no unit "Ei ole" in Varha: create it first or correct the name' },
      { row: 7, column: 'Koulutettu', message: 'must be a date (31.12.2024 or 2024-12-31) or a year, not in the future' },
    ]);
    expect(errorCodes(await api.gql(`mutation($id: ID!) { commitRegisterImport(id: $id) { id } }`, { id: started.id }, COORDINATOR))).toEqual(['CONFLICT']);
    expect(await registry()).toEqual(before);
  });

  it('commits a clean workbook all at once, then a re-import of the same file changes nothing', async () => {
    const file = await xlsx(CLEAN);
    const checked = await settled((await start('avainhenkilot.xlsx', file, MAPPING)).id, ['VALID', 'INVALID']);
    expect(checked).toMatchObject({ status: 'VALID', format: 'XLSX', problems: [], summary: { created: 2, updated: 1, unchanged: 0, certified: 1 } });
    // A dry run writes nothing.
    expect((await registry()).people.map((p: { email: string }) => p.email)).toEqual(['olli.ojala@varha.test']);

    expect((await commit(checked.id)).status).toMatch(/COMMITTING|COMMITTED/);
    const done = await settled(checked.id, ['COMMITTED', 'INVALID', 'FAILED']);
    expect(done).toMatchObject({ status: 'COMMITTED', progress: 100, summary: { created: 2, updated: 1, unchanged: 0, certified: 1 } });
    const after = await registry();
    expect(after.people).toEqual([
      { email: 'anna.aalto@varha.test', first_name: 'Anna', last_name: 'Aalto', phone: '040 111 2222', job_title: 'Sosiaalityöntekijä', unit: 'Lastensuojelu', version: 1, certified_on: '2024-05-12', membership: 'ACTIVE' },
      { email: 'bertta.berg@varha.test', first_name: 'Bertta', last_name: 'Berg', phone: null, job_title: 'Terveydenhoitaja', unit: 'Neuvola', version: 1, certified_on: null, membership: null },
      // Only the phone changed; the empty cells left the rest as it was.
      { email: 'olli.ojala@varha.test', first_name: 'Olli', last_name: 'Ojala', phone: '050 999 8888', job_title: null, unit: null, version: 2, certified_on: null, membership: null },
    ]);

    const again = await settled((await start('avainhenkilot.xlsx', file, MAPPING)).id, ['VALID', 'INVALID']);
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 3, certified: 0 });
    await commit(again.id);
    expect(await settled(again.id, ['COMMITTED', 'INVALID', 'FAILED'])).toMatchObject({ status: 'COMMITTED', summary: { created: 0, updated: 0, unchanged: 3, certified: 0 } });
    expect(await registry()).toEqual(after);
  });

  it('writes once however often the commit job is delivered', async () => {
    const file = await xlsx([['Nimi', 'Sähköposti'], ['Fanni Forsman', 'fanni@varha.test']]);
    const checked = await settled((await start('fanni.xlsx', file)).id, ['VALID', 'INVALID']);
    await commit(checked.id);
    const processor = api.app.get(RegisterImportProcessor);
    const tenantId = await (async () => {
      const db = await runtimeClient();
      try {
        return await countyId(db, COUNTY);
      } finally {
        await db.end();
      }
    })();
    const job = { data: { tenantId, requestedBy: 'redelivered', importId: checked.id } } as never;
    await Promise.all([processor.commit(job), processor.commit(job)]);
    expect(await settled(checked.id, ['COMMITTED'])).toMatchObject({ summary: { created: 1 } });
    const fanni = (await registry()).people.filter((p: { email: string }) => p.email === 'fanni@varha.test');
    expect(fanni).toHaveLength(1);
  });

  it('refuses bad files and input with clear errors, other roles and other counties', async () => {
    const bad = await api.gql(`mutation($input: StartRegisterImportInput!) { startRegisterImport(input: $input) { id } }`, {
      input: { fileName: 'x.csv', contentBase64: 'not base64!' },
    }, COORDINATOR);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.contentBase64' }] });
    const broken = await settled((await start('broken.xlsx', Buffer.from('PK this is no workbook'))).id, ['VALID', 'INVALID']);
    expect(broken.problems).toEqual([{ row: null, column: null, message: 'The file is not a readable Excel workbook (.xlsx)' }]);
    const noEmail = await settled((await start('names.csv', Buffer.from('Nimi;Puhelin\nAnna Aalto;040\n'))).id, ['VALID', 'INVALID']);
    expect(noEmail.problems.map((p) => p.message)).toEqual(['No e-mail column: name it "Sähköposti" or map it to EMAIL']);
    const badMapping = await settled((await start('x.csv', Buffer.from('Nimi;Sähköposti\nA B;a@b.test\n'), [{ field: 'PHONE', column: 'Matkapuhelin' }])).id, ['VALID', 'INVALID']);
    expect(badMapping.problems.map((p) => p.message)).toEqual(['The mapping names column "Matkapuhelin" for PHONE, but the file has no such column']);

    const input = { fileName: 'x.csv', contentBase64: Buffer.from('Nimi;Sähköposti\n').toString('base64') };
    for (const role of [Role.KEY_WORKER, Role.TRAINER, Role.ESF_REPORTER]) {
      expect(errorCodes(await api.gql('mutation($input: StartRegisterImportInput!) { startRegisterImport(input: $input) { id } }', { input }, { role, county: COUNTY }))).toEqual(['FORBIDDEN']);
    }
    const foreign = { role: Role.COUNTY_COORDINATOR, county: '03' };
    expect(errorCodes(await api.gql(`query($id: ID!) { registerImport(id: $id) { id } }`, { id: broken.id }, foreign))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await api.gql(`mutation($id: ID!) { commitRegisterImport(id: $id) { id } }`, { id: broken.id }, foreign))).toEqual(['NOT_FOUND']);
    expect((await call<{ registerImports: unknown[] }>('{ registerImports { id } }', {}, foreign)).registerImports).toEqual([]);
  });

  it('deletes an uploaded register never committed after FILE_RETENTION_DAYS', async () => {
    const upload = await settled((await start('old.csv', Buffer.from('Nimi;Sähköposti\nVanha Tiedosto;vanha@varha.test\n'))).id, ['VALID']);
    const stored = async (sql: string) => {
      const db = await runtimeClient();
      try {
        return await inTenantCommitted(db, await countyId(db, COUNTY), async () => (await db.query(sql, [upload.id])).rows);
      } finally {
        await db.end();
      }
    };
    await stored("UPDATE register_imports SET created_at = now() - interval '31 days' WHERE id = $1 RETURNING id");
    await api.app.get(RegisterImportProcessor).sweep();
    expect(await stored('SELECT status, content IS NULL AS deleted FROM register_imports WHERE id = $1')).toEqual([{ status: 'EXPIRED', deleted: true }]);
    expect(errorCodes(await api.gql(`mutation($id: ID!) { commitRegisterImport(id: $id) { id } }`, { id: upload.id }, COORDINATOR))).toEqual(['CONFLICT']);
  });
});
