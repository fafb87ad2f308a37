import { FormEvent, useEffect, useRef, useState } from 'react';
import { graphql } from '../../api/graphql';
import { useMutation, useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../routing';
import { SelectField, TextField } from '../../ui/field';
import { Page, Section } from '../../ui/page';
import { ErrorMessage, Loaded } from '../../ui/status';
import {
  ADD_SESSION, CERTIFIED_TRAINERS, Course, CREATE_COURSE, MY_PROFILE, ORGANISATIONS_QUERY, PersonRef, Programme, PROGRAMMES_QUERY, UNITS_QUERY,
} from './course-api';
import { localName } from '../../i18n/local-name';
import { sessionModules } from './course-logic';
import { useCourseScope } from './course-scope';
import { PersonPicker } from './person-picker';
import { ProgrammeModules } from './programme-modules';
import { emptySession, SessionDraft, SessionFields, sessionInput } from './session-fields';

interface Row {
  key: number;
  draft: SessionDraft;
  error?: unknown;
}

let nextKey = 1;
const row = (draft: SessionDraft): Row => ({ key: nextKey++, draft });

/**
 * Planning a course: the programme, the course's own fields, its trainers and its sessions. The API
 * creates the course first and then each session; if a session is refused, the course stays created
 * and the remaining sessions can be corrected and added without creating it twice.
 */
export function CoursePlan({ base }: { base: string }) {
  const { t } = useI18n();
  const scope = useCourseScope();
  const programmes = useQuery<{ programmes: Programme[] }>(PROGRAMMES_QUERY, { tier: scope.planTier });
  return (
    <Page title={t.training.planTitle} actions={<Link to={base}>{t.training.backToCourses}</Link>}>
      <Loaded state={programmes}>{(data) => <PlanForm base={base} programmes={data.programmes} />}</Loaded>
    </Page>
  );
}

function PlanForm({ base, programmes }: { base: string; programmes: Programme[] }) {
  const { t, locale } = useI18n();
  const scope = useCourseScope();
  // A role with a single programme to choose from (a trainer, THL) starts with it and its sessions.
  const only = programmes.length === 1 ? programmes[0] : undefined;
  const [programmeId, setProgrammeId] = useState(only?.id ?? '');
  const [name, setName] = useState('');
  const [place, setPlace] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [trainers, setTrainers] = useState<PersonRef[]>([]);
  const [rows, setRows] = useState<Row[]>(() => (only ? sessionModules(only).map((m) => row(emptySession(m))) : []));
  const [created, setCreated] = useState<Course | null>(null);
  const [addingSessions, setAddingSessions] = useState(false);
  const create = useMutation<{ createCourse: Course }>(CREATE_COURSE);
  const programme = programmes.find((p) => p.id === programmeId);
  const modules = programme ? sessionModules(programme) : [];
  useOwnTrainerRecord(scope.trainer, setTrainers);

  // A new programme brings its own sessions, as long as nothing has been typed into them yet.
  const chooseProgramme = (id: string) => {
    setProgrammeId(id);
    const chosen = programmes.find((p) => p.id === id);
    if (rows.every((r) => !r.draft.date)) setRows(chosen ? sessionModules(chosen).map((m) => row(emptySession(m, place))) : []);
  };

  const updateRow = (key: number, change: Partial<SessionDraft>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, draft: { ...r.draft, ...change } } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let course = created;
    if (!course) {
      const input = { programmeId, name, place: place || null, organisationId: organisationId || null, unitId: unitId || null, trainerIds: trainers.map((p) => p.personId) };
      const result = await create.run({ input });
      if (!result) return;
      course = result.createCourse;
      setCreated(course);
    }
    setAddingSessions(true);
    for (const r of rows) {
      try {
        // A session without a place of its own is held at the course's place.
        await graphql(ADD_SESSION, { input: sessionInput(course.id, { ...r.draft, place: r.draft.place || place }) });
        setRows((rs) => rs.filter((x) => x.key !== r.key));
      } catch (error) {
        setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, error } : { ...x, error: undefined })));
        setAddingSessions(false);
        return;
      }
    }
    navigate(`${base}/${course.id}`);
  };

  const running = create.running || addingSessions;
  return (
    <form onSubmit={submit}>
      <ErrorMessage error={create.error} />
      {created && !addingSessions && (
        <div className="success" role="status">
          <p>{t.training.createdButSessionFailed(created.name)}</p>
          <Link to={`${base}/${created.id}`}>{t.training.openCourse}</Link>
        </div>
      )}
      <fieldset className="plain" disabled={!!created}>
        <Section title={t.training.courseSection} id="plan-course">
          <SelectField
            label={t.training.programme}
            name="programmeId"
            required
            value={programmeId}
            onChange={(e) => chooseProgramme(e.target.value)}
            options={programmes.map((p) => ({ value: p.id, label: `${localName(locale, p)} (${t.common.tier[p.tier]})` }))}
            placeholder={t.training.chooseProgramme}
            error={create.error}
          />
          {programme && (
            <>
              <h3>{t.training.modulesTitle}</h3>
              <ProgrammeModules programme={programme} />
            </>
          )}
          <div className="form-grid">
            <TextField label={t.training.courseName} name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={create.error} />
            <TextField label={t.training.place} name="place" maxLength={200} value={place} onChange={(e) => setPlace(e.target.value)} error={create.error} />
            <OrganisationFields organisationId={organisationId} unitId={unitId} onOrganisation={(id) => (setOrganisationId(id), setUnitId(''))} onUnit={setUnitId} error={create.error} />
          </div>
        </Section>
        <Section title={t.training.trainers} id="plan-trainers">
          <TrainerPicker trainers={trainers} onChange={setTrainers} optional={programme?.tier === 1} error={create.error} />
        </Section>
      </fieldset>
      <Section title={t.training.sessionsTitle} id="plan-sessions">
        {rows.length === 0 && <p className="hint">{t.training.noSessionsPlanned}</p>}
        {rows.map((r, i) => (
          <fieldset key={r.key} className="session-row">
            <legend>{t.training.sessionN(i + 1)}</legend>
            <ErrorMessage error={r.error} />
            <SessionFields value={r.draft} onChange={(change) => updateRow(r.key, change)} modules={modules} error={r.error} />
            <button type="button" className="link" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
              {t.training.removeSessionN(i + 1)}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => setRows((rs) => [...rs, row(emptySession(undefined, place))])}>
          {t.training.addSessionRow}
        </button>
      </Section>
      <div className="actions">
        <button type="submit" className="primary" disabled={running}>
          {running ? t.common.state.saving : created ? t.training.continueSessions : t.training.createCourse}
        </button>
        <Link to={base} className="button">
          {t.common.action.cancel}
        </Link>
      </div>
    </form>
  );
}

/** A trainer plans only trainings they hold themselves (the API insists), so they start as its trainer. */
function useOwnTrainerRecord(active: boolean, setTrainers: (people: PersonRef[]) => void) {
  const profile = useQuery<{ myProfile: { id: string; firstName: string; lastName: string } | null }>(MY_PROFILE, {}, { skip: !active });
  const done = useRef(false);
  useEffect(() => {
    const me = profile.data?.myProfile;
    if (!me || done.current) return;
    done.current = true;
    setTrainers([{ personId: me.id, name: `${me.firstName} ${me.lastName}` }]);
  }, [profile.data, setTrainers]);
}

function TrainerPicker({ trainers, onChange, optional, error }: { trainers: PersonRef[]; onChange: (p: PersonRef[]) => void; optional: boolean; error: unknown }) {
  const { t } = useI18n();
  const scope = useCourseScope();
  // Certified trainers are offered first; anyone else can be found by name (e.g. a key worker holding an addressing training).
  const certified = useQuery<{ certificates: PersonRef[] }>(CERTIFIED_TRAINERS, {}, { skip: scope.trainer });
  return (
    <>
      {optional && <p className="hint">{t.training.trainersOptional}</p>}
      <PersonPicker
        legend={t.training.courseTrainers}
        name="trainerIds"
        error={error}
        selected={trainers}
        onChange={onChange}
        suggestions={certified.data ? { title: t.training.certifiedTrainers, people: certified.data.certificates } : undefined}
      />
    </>
  );
}

/** The organisation and unit that hold the course, when the county has any to choose from. */
function OrganisationFields(props: { organisationId: string; unitId: string; onOrganisation: (id: string) => void; onUnit: (id: string) => void; error: unknown }) {
  const { t } = useI18n();
  const organisations = useQuery<{ organisations: { nodes: Array<{ id: string; name: string }> } }>(ORGANISATIONS_QUERY);
  const units = useQuery<{ units: { nodes: Array<{ id: string; name: string }> } }>(UNITS_QUERY, { organisationId: props.organisationId }, { skip: !props.organisationId });
  const options = organisations.data?.organisations.nodes ?? [];
  if (options.length === 0) return null;
  return (
    <>
      <SelectField
        label={t.training.organisation}
        name="organisationId"
        value={props.organisationId}
        onChange={(e) => props.onOrganisation(e.target.value)}
        options={options.map((o) => ({ value: o.id, label: o.name }))}
        placeholder={t.training.none}
        error={props.error}
      />
      {props.organisationId && (
        <SelectField
          label={t.training.unit}
          name="unitId"
          value={props.unitId}
          onChange={(e) => props.onUnit(e.target.value)}
          options={(units.data?.units.nodes ?? []).map((u) => ({ value: u.id, label: u.name }))}
          placeholder={t.training.none}
          error={props.error}
        />
      )}
    </>
  );
}
