import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Role } from '@lahde/platform/auth';
import { countyId, inTenant, inTenantCommitted, runtimeClient } from '@lahde/testing';
import { EsfExportProcessor } from '../../libs/domain/reporting/src/export.processor';
import * as participantRows from '../../libs/domain/reporting/src/participant-rows';
import { errorCodes, GqlResult, TestApi } from '../support/test-api';

const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: '01' };
const EXPORT = 'id status progress rowCount sha256 downloadUrl error';
type Export = { id: string; status: string; progress: number; rowCount: number | null; sha256: string | null; downloadUrl: string | null };

/** ESF+ participant export of a seeded county, through bull on real Redis, parsed back field by field. */
describe('ESF participant export', () => {
  let api: TestApi;
  const call = async <T>(query: string, variables: Record<string, unknown> = {}, auth: string | { role: Role; county?: string } = COORDINATOR): Promise<T> => {
    const result: GqlResult<T> = await api.gql<T>(query, variables, auth);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  const request = (format: string, auth: string | { role: Role; county?: string } = COORDINATOR) =>
    call<{ requestEsfExport: Export }>(`mutation($input: RequestEsfExportInput!) { requestEsfExport(input: $input) { ${EXPORT} } }`, {
      input: { kind: 'PARTICIPANTS', format, period: { from: '2025-01-01', to: '2025-12-31' } },
    }, auth).then((r) => r.requestEsfExport);
  const finished = async (id: string, auth: string | { role: Role; county?: string } = COORDINATOR): Promise<Export> => {
    for (let i = 0; i < 200; i++) {
      const { exportJob } = await call<{ exportJob: Export }>(`query($id: ID!) { exportJob(id: $id) { ${EXPORT} } }`, { id }, auth);
      if (exportJob.status === 'DONE' || exportJob.status === 'FAILED') return exportJob;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('export did not finish');
  };
  const download = (path: string, token?: string) => {
    const req = api.http.get(path).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)));
    });
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };

  beforeAll(async () => {
    api = await TestApi.start({ env: { RUN_JOBS_IN_API: 'true', QUEUE_PREFIX: 'esf-export-e2e' } });
    const person = async (input: Record<string, unknown>) =>
      (await call<{ createPerson: { id: string } }>('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', { input })).createPerson.id;
    const trainer = await person({ firstName: 'Kaisa', lastName: 'Kouluttaja', email: 'kaisa@ita-uusimaa.test' });
    const anna = await person({ firstName: 'Anna', lastName: 'Avain', email: 'anna@ita-uusimaa.test', gender: 'WOMAN', birthYear: 1999, educationLevel: 'ISCED_5_8', esfDataEntered: true });
    const evil = await person({ firstName: '=HYPERLINK("http://x")', lastName: 'Virtanen; Oy', email: 'v@ita-uusimaa.test', gender: 'MAN', birthYear: 1965 });
    const { programmes } = await call<{ programmes: Array<{ id: string; tier: number; modules: Array<{ id: string; kind: string }> }> }>('{ programmes(tier: 2) { id tier modules { id kind } } }');
    const sessions = programmes[0].modules.filter((m) => m.kind === 'SESSION');
    const { createCourse } = await call<{ createCourse: { id: string } }>('mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', {
      input: { programmeId: programmes[0].id, name: 'Porvoo kevät 2025', trainerIds: [trainer] },
    });
    const courseId = createCourse.id;
    await call('mutation($input: EnrolInput!) { enrol(input: $input) { id } }', { input: { courseId, personIds: [anna, evil] } });
    for (const [i, date] of ['2025-03-03', '2025-03-17', '2025-03-31', '2025-04-14'].entries()) {
      const r = await call<{ addCourseSession: { sessions: Array<{ id: string; date: string }> } }>(
        'mutation($input: AddSessionInput!) { addCourseSession(input: $input) { sessions { id date } } }',
        { input: { courseId, moduleId: sessions[i].id, date, startsAt: '12:00', endsAt: '16:00' } },
      );
      await call('mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { sessionId: r.addCourseSession.sessions.find((s) => s.date === date)!.id, personIds: [anna] } });
    }
    const finalTask = programmes[0].modules.find((m) => m.kind === 'FINAL_TASK')!.id;
    await call('mutation($input: TaskInput!) { recordTask(input: $input) { id } }', { input: { courseId, personId: anna, moduleId: finalTask, submittedOn: '2025-04-20', acceptedOn: '2025-04-22' } });
    await call('mutation($input: CompleteCourseInput!) { completeCourse(input: $input) { id } }', { input: { courseId, completedOn: '2025-04-22' } });
  });
  afterAll(() => api.close());

  it('writes the participants of the period as semicolon CSV with BOM, escaped, field by field', async () => {
    const requested = await request('CSV_SEMICOLON');
    expect(requested.status).toMatch(/QUEUED|RUNNING|DONE/);
    const done = await finished(requested.id);
    expect(done).toMatchObject({ status: 'DONE', progress: 100, rowCount: 2 });
    const token = await api.token(Role.COUNTY_COORDINATOR, '01');
    const res = await download(done.downloadUrl!, token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Koulutus;Taso;Alkupäivä;Loppupäivä;Etunimi;Sukunimi;Sähköposti;Suoritus;Suorituspäivä;Sukupuoli;Syntymävuosi;Ikäryhmä;Koulutustaso;Työmarkkina-asema;Tiedot syötetty EURA-järjestelmään',
    );
    // Rows come in a fixed order (course, then enrolment); compared here as a set.
    expect(lines.slice(1, -1).sort()).toEqual(
      [
        'Porvoo kevät 2025;Avainhenkilökoulutus;2025-03-03;2025-04-14;Anna;Avain;anna@ita-uusimaa.test;Suoritettu;2025-04-22;Nainen;1999;18–29;ISCED 5–8;Työllinen;Kyllä',
        `Porvoo kevät 2025;Avainhenkilökoulutus;2025-03-03;2025-04-14;"'=HYPERLINK(""http://x"")";"Virtanen; Oy";v@ita-uusimaa.test;Kesken;;Mies;1965;55+;;Työllinen;Ei`,
      ].sort(),
    );
    expect(lines[lines.length - 1]).toBe('');
  });

  it('writes the same participants as an Excel workbook, text staying text', async () => {
    const done = await finished((await request('XLSX')).id);
    expect(done).toMatchObject({ status: 'DONE', rowCount: 2 });
    const res = await download(done.downloadUrl!, await api.token(Role.COUNTY_COORDINATOR, '01'));
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.worksheets[0];
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(expect.arrayContaining(['Koulutus', 'Etunimi', 'Tiedot syötetty EURA-järjestelmään']));
    const names = rows.slice(1).map((r) => r[4]).sort();
    expect(names).toEqual(['=HYPERLINK("http://x")', 'Anna']);
    const evilCell = sheet.getRow(rows.findIndex((r) => r[4] === '=HYPERLINK("http://x")') + 1).getCell(5);
    expect(evilCell.type).toBe(ExcelJS.ValueType.String);
  });

  it('returns the existing export for a duplicate request, and the same file for the same data', async () => {
    const first = await request('CSV_SEMICOLON');
    const again = await request('CSV_SEMICOLON');
    expect(again.id).toBe(first.id);
    const other = await api.issuer.token(Role.ESF_REPORTER, '01', { subject: 'esf-reporter-01' });
    const theirs = await finished((await request('CSV_SEMICOLON', other)).id, other);
    expect(theirs.id).not.toBe(first.id);
    expect(theirs.sha256).toBe((await finished(first.id)).sha256);
  });

  it('serves the file only to its requester in their county, with a valid unexpired link', async () => {
    const done = await finished((await request('CSV')).id);
    const url = done.downloadUrl!;
    expect((await download(url)).status).toBe(401);
    expect((await download(url, await api.issuer.token(Role.COUNTY_COORDINATOR, '01', { subject: 'someone-else' }))).status).toBe(404);
    expect((await download(url, await api.token(Role.COUNTY_COORDINATOR, '02'))).status).toBe(404);
    const own = await api.token(Role.COUNTY_COORDINATOR, '01');
    expect((await download(url.replace(/signature=[0-9a-f]{4}/, 'signature=0000'), own)).status).toBe(404);
    expect((await download(url.replace(/expires=\d+/, 'expires=1'), own)).status).toBe(404);
    expect((await download(url, own)).status).toBe(200);
    expect(errorCodes(await api.gql(`query($id: ID!) { exportJob(id: $id) { id } }`, { id: done.id }, { role: Role.COUNTY_COORDINATOR, county: '02' }))).toEqual(['NOT_FOUND']);
  });

  it('retries a job that crashed halfway, without ever publishing a partial file', async () => {
    const real = participantRows.participantBatch;
    let crashes = 0;
    const spy = jest.spyOn(participantRows, 'participantBatch').mockImplementation(async (...args) => {
      if (crashes === 0) {
        crashes++;
        throw new Error('worker died halfway through the file'); // the header is already written
      }
      return real(...args);
    });
    try {
      const other = await api.issuer.token(Role.COUNTY_ADMIN, '01', { subject: 'admin-01' });
      const requested = await request('CSV', other);
      const done = await finished(requested.id, other);
      expect(done).toMatchObject({ status: 'DONE', rowCount: 2 });
      expect(crashes).toBe(1);
      const db = await runtimeClient();
      const tenant = await countyId(db, '01');
      try {
        const attempts = await inTenant(db, tenant, () => db.query('SELECT attempts FROM esf_exports WHERE id = $1', [requested.id]));
        expect(attempts.rows[0].attempts).toBe(2);
      } finally {
        await db.end();
      }
      // The published file is whole (one header, both rows) and no temporary file is left beside it.
      const dir = path.join(process.env['LAHDE_DATA_DIR']!, 'exports', tenant);
      const lines = readFileSync(path.join(dir, `${requested.id}.csv`), 'utf8').split('\r\n');
      expect(lines.filter((l) => l.includes('Koulutus,Taso'))).toHaveLength(1);
      expect(lines).toHaveLength(4);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('sums up the ESF+ indicators by hand count, as a query and as a file', async () => {
    const { esfIndicators } = await call<{ esfIndicators: Array<{ code: string; value: number }> }>(
      '{ esfIndicators(period: { from: "2025-01-01", to: "2025-12-31" }) { code labelFi labelEn value } }',
    );
    // Anna: woman, 26, ISCED 5-8, completed; Virtanen: man, 60, education unknown, still open; neither in a unit.
    expect(Object.fromEntries(esfIndicators.map((i) => [i.code, i.value]))).toEqual({
      EECO01: 2, EECO05: 2, EECO07: 1, EECO08: 1, EECO09: 0, EECO10: 0, EECO11: 1, WOMEN: 1, MEN: 1, NON_BINARY: 0, EECO18: 0, EECR03: 1,
    });
    const done = await finished(
      (await call<{ requestEsfExport: Export }>(`mutation($input: RequestEsfExportInput!) { requestEsfExport(input: $input) { ${EXPORT} } }`, {
        input: { kind: 'INDICATORS', format: 'CSV_SEMICOLON', period: { from: '2025-01-01', to: '2025-12-31' } },
      })).requestEsfExport.id,
    );
    const file = (await download(done.downloadUrl!, await api.token(Role.COUNTY_COORDINATOR, '01'))).body as Buffer;
    const lines = file.toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['Indikaattori;Kuvaus;Arvo', 'EECO01;Osallistujat yhteensä;2', 'EECO05;Työlliset;2']);
    expect(lines).toContain('EECR03;Pätevyyden saaneet;1');
  });

  it('gives national roles every organiser and the national total, aggregates only, small cells suppressed', async () => {
    const query = `query($period: ExportPeriodInput!) { esfNationalIndicators(period: $period) {
      periodFrom periodTo asOf organisers { countyCode name indicators { code value suppressed } } total { countyCode indicators { code value suppressed } } } }`;
    type Summary = { countyCode: string | null; indicators: Array<{ code: string; value: number | null; suppressed: boolean }> };
    const period = { from: '2025-01-01', to: '2025-12-31' };
    let national: { asOf: string | null; organisers: Summary[]; total: Summary } | undefined;
    // The aggregates follow the county's writes through the refresh job; wait for it.
    for (let i = 0; i < 100 && !national?.organisers.find((o) => o.countyCode === '01')?.indicators.find((c) => c.code === 'EECO01')?.value; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      national = (await call<{ esfNationalIndicators: typeof national }>(query, { period }, { role: Role.NATIONAL_ANALYST })).esfNationalIndicators;
    }
    const byCode = (summary: Summary) => Object.fromEntries(summary.indicators.map((c) => [c.code, c.suppressed ? 'x' : c.value]));
    expect(national!.organisers.map((o) => o.countyCode)).toEqual(expect.arrayContaining(['00', '01', '02', '21']));
    expect(national!.organisers).toHaveLength(23);
    // Anna and Virtanen: the totals are shown; every breakdown cell of 1 is hidden, and zeros beside two hidden cells stay.
    expect(byCode(national!.organisers.find((o) => o.countyCode === '01')!)).toEqual({
      EECO01: 2, EECO05: 2, EECO07: 'x', EECO08: 'x', EECO09: 0, EECO10: 0, EECO11: 'x', WOMEN: 'x', MEN: 'x', NON_BINARY: 0, EECO18: 0, EECR03: 'x',
    });
    // The total is computed in the same snapshot as the organisers' rows.
    const eeco01 = (s: Summary) => s.indicators.find((c) => c.code === 'EECO01')!.value!;
    expect(eeco01(national!.total)).toBe(national!.organisers.reduce((sum, o) => sum + eeco01(o), 0));
    expect(national!.total.countyCode).toBeNull();

    const thlReporter = await api.issuer.token(Role.ESF_REPORTER, undefined, { subject: 'thl-esf' });
    expect((await api.gql(query, { period }, thlReporter)).errors).toBeUndefined();
    for (const auth of [COORDINATOR, { role: Role.ESF_REPORTER, county: '01' }, { role: Role.KEY_WORKER, county: '01' }]) {
      expect(errorCodes(await api.gql(query, { period }, auth))).toEqual(['FORBIDDEN']);
    }
    const backwards = await api.gql(query, { period: { from: '2025-12-31', to: '2025-01-01' } }, { role: Role.NATIONAL_ANALYST });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'period.to' }] });
  });

  it('deletes an export file after FILE_RETENTION_DAYS, keeping the row as EXPIRED, and a new request makes a new file', async () => {
    const reporter = await api.issuer.token(Role.ESF_REPORTER, '01', { subject: 'esf-retention-01' });
    const done = await finished((await request('CSV', reporter)).id, reporter);
    const db = await runtimeClient();
    const tenant = await countyId(db, '01');
    try {
      await inTenantCommitted(db, tenant, () => db.query("UPDATE esf_exports SET finished_at = now() - interval '31 days' WHERE id = $1", [done.id]));
    } finally {
      await db.end();
    }
    const file = path.join(process.env['LAHDE_DATA_DIR']!, 'exports', tenant, `${done.id}.csv`);
    expect(readdirSync(path.dirname(file))).toContain(`${done.id}.csv`);
    await api.app.get(EsfExportProcessor).sweep();
    expect(readdirSync(path.dirname(file))).not.toContain(`${done.id}.csv`);
    const expired = await call<{ exportJob: Export }>(`query($id: ID!) { exportJob(id: $id) { ${EXPORT} } }`, { id: done.id }, reporter);
    expect(expired.exportJob).toMatchObject({ status: 'EXPIRED', downloadUrl: null });
    expect((await download(done.downloadUrl!, reporter)).status).toBe(404);
    const again = await request('CSV', reporter);
    expect(again.id).not.toBe(done.id);
    expect((await finished(again.id, reporter)).sha256).toBe(done.sha256);
  });

  it('is for county roles with ESF rights only', async () => {
    const input = { kind: 'PARTICIPANTS', format: 'CSV', period: { from: '2025-01-01', to: '2025-12-31' } };
    const q = 'mutation($input: RequestEsfExportInput!) { requestEsfExport(input: $input) { id } }';
    for (const auth of [{ role: Role.KEY_WORKER, county: '01' }, { role: Role.TRAINER, county: '01' }, { role: Role.NATIONAL_ANALYST }, { role: Role.ESF_REPORTER }]) {
      expect(errorCodes(await api.gql(q, { input }, auth))).toEqual(['FORBIDDEN']);
    }
    const backwards = await api.gql(q, { input: { ...input, period: { from: '2025-12-31', to: '2025-01-01' } } }, COORDINATOR);
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.period.to' }] });
  });
});
