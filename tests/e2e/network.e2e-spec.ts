import { Client } from 'pg';
import { Role } from '@lahde/platform/auth';
import { TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { ensureActiveMembership } from '@lahde/domain/network';
import { countyId, inTenant, runtimeClient } from '@lahde/testing';
import { errorCodes, GqlResult, TestApi } from '../support/test-api';

const { NATIONAL_ADMIN: NA, NATIONAL_ANALYST: AN, COUNTY_ADMIN: CA, COUNTY_COORDINATOR: CC, TRAINER: TR, KEY_WORKER: KW, ESF_REPORTER: ESF } = Role;
const ALL = [NA, AN, CA, CC, TR, KW, ESF];
const MANAGERS = [CA, CC];
const COUNTY_WORKERS = [CA, CC, TR, KW];
const NONE = '00000000-0000-4000-8000-000000000000';

const COORDINATOR = { role: CC, county: '16' };
const OTHER_COUNTY = { role: CC, county: '17' };

const CREATE_ORG = 'mutation($name: String!) { createOrganisation(input: { type: COUNTY, name: $name }) { id } }';
const CREATE_UNIT = 'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }';
const CREATE_PERSON = 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }';

const MEMBERSHIP_FIELDS = 'id personId personName unitName sector status since version history { status effectiveOn reason recordedBy }';
const MEMBERSHIPS = `query($status: MembershipStatus, $sector: Sector, $unitId: ID, $personId: ID, $first: Int, $after: String) {
  memberships(status: $status, sector: $sector, unitId: $unitId, personId: $personId, first: $first, after: $after) {
    totalCount nodes { ${MEMBERSHIP_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
const MEMBERSHIP = `query($id: ID!) { membership(id: $id) { ${MEMBERSHIP_FIELDS} } }`;
const MY_MEMBERSHIP = `{ myMembership { ${MEMBERSHIP_FIELDS} } }`;
const CHANGE_STATUS = `mutation($input: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $input) { ${MEMBERSHIP_FIELDS} } }`;

const ROUND_FIELDS = 'id year openedOn closedOn counts { total open confirmed changed gone }';
const OPEN_ROUND = `mutation($year: Int!) { openReviewRound(year: $year) { ${ROUND_FIELDS} } }`;
const ROUND = `query($year: Int!, $onlyOpen: Boolean) { reviewRound(year: $year) { ${ROUND_FIELDS}
  items(onlyOpen: $onlyOpen) { membershipId personName currentStatus outcome note decidedAt } } }`;
const ROUNDS = `{ reviewRounds { ${ROUND_FIELDS} } }`;
const DECIDE = 'mutation($input: DecideReviewItemInput!) { decideReviewItem(input: $input) { membershipId personName currentStatus outcome note decidedAt } }';
const CLOSE_ROUND = `mutation($year: Int!, $force: Boolean) { closeReviewRound(year: $year, force: $force) { ${ROUND_FIELDS} } }`;

const ACTIVITY_FIELDS = 'id personId personName kind occurredOn count courseId note version';
const LOG = `mutation($input: LogActivityInput!) { logActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
const UPDATE_ACTIVITY = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
const DELETE_ACTIVITY = 'mutation($input: DeleteActivityInput!) { deleteActivity(input: $input) }';
const ACTIVITIES = `query($personId: ID, $kind: ActivityKind, $from: String, $to: String, $first: Int, $after: String) {
  activities(personId: $personId, kind: $kind, from: $from, to: $to, first: $first, after: $after) {
    totalCount nodes { ${ACTIVITY_FIELDS} } pageInfo { hasNextPage endCursor } } }`;

const EVENT_FIELDS = 'id heldOn theme attendanceCount version';
const CREATE_EVENT = `mutation($input: CreateNetworkEventInput!) { createNetworkEvent(input: $input) { ${EVENT_FIELDS} } }`;
const UPDATE_EVENT = `mutation($input: UpdateNetworkEventInput!) { updateNetworkEvent(input: $input) { ${EVENT_FIELDS} } }`;
const EVENTS = `query($from: String, $to: String) { networkEvents(from: $from, to: $to) { ${EVENT_FIELDS} } }`;

interface MembershipView {
  id: string;
  personId: string;
  personName: string;
  unitName: string | null;
  sector: string | null;
  status: string;
  since: string;
  version: number;
  history: Array<{ status: string; effectiveOn: string; reason: string | null; recordedBy: string }>;
}
interface ActivityView {
  id: string;
  personId: string;
  personName: string;
  kind: string;
  occurredOn: string;
  count: number;
  note: string | null;
  version: number;
}
interface ItemView {
  membershipId: string;
  personName: string;
  currentStatus: string;
  outcome: string | null;
  note: string | null;
  decidedAt: string | null;
}
interface RoundView {
  id: string;
  year: number;
  closedOn: string | null;
  counts: { total: number; open: number; confirmed: number; changed: number; gone: number };
  items?: ItemView[];
}

/** Every network operation, the roles allowed to call it, and a call that has no effect (bad or unknown input). */
const NETWORK_MATRIX: Array<[string, Role[], string]> = [
  ['memberships', MANAGERS, '{ memberships { totalCount } }'],
  ['membership', MANAGERS, `{ membership(id: "${NONE}") { id } }`],
  ['myMembership', ALL, '{ myMembership { id } }'],
  ['changeMembershipStatus', MANAGERS, `mutation { changeMembershipStatus(input: { membershipId: "${NONE}", version: 1, status: ACTIVE, effectiveOn: "x" }) { id } }`],
  ['reviewRounds', MANAGERS, '{ reviewRounds { id } }'],
  ['reviewRound', MANAGERS, '{ reviewRound(year: 2099) { id items { membershipId } } }'],
  ['openReviewRound', MANAGERS, 'mutation { openReviewRound(year: 1999) { id } }'],
  ['decideReviewItem', MANAGERS, `mutation { decideReviewItem(input: { roundId: "${NONE}", membershipId: "${NONE}", outcome: CONFIRMED }) { outcome } }`],
  ['closeReviewRound', MANAGERS, 'mutation { closeReviewRound(year: 2099) { id } }'],
  ['activities', COUNTY_WORKERS, '{ activities { totalCount } }'],
  ['logActivity', COUNTY_WORKERS, 'mutation { logActivity(input: { kind: CONSULTATION, occurredOn: "x" }) { id } }'],
  ['updateActivity', COUNTY_WORKERS, `mutation { updateActivity(input: { id: "${NONE}", version: 1 }) { id } }`],
  ['deleteActivity', COUNTY_WORKERS, `mutation { deleteActivity(input: { id: "${NONE}", version: 1 }) }`],
  ['networkEvents', COUNTY_WORKERS, '{ networkEvents { id } }'],
  ['createNetworkEvent', MANAGERS, 'mutation { createNetworkEvent(input: { heldOn: "x", theme: "" }) { id } }'],
  ['updateNetworkEvent', MANAGERS, `mutation { updateNetworkEvent(input: { id: "${NONE}", version: 1 }) { id } }`],
];

/**
 * The key worker network of a county (16, with 17 as the other county): memberships with history, the
 * yearly review, activities and network events, through the API as each role sees it.
 */
describe('the key worker network', () => {
  let api: TestApi;
  let db: Client;
  const people: Record<'anna' | 'bertta' | 'cecilia' | 'eero' | 'fanni' | 'olli' | 'foreign', string> = {} as never;
  const members: Record<'anna' | 'bertta' | 'cecilia' | 'eero' | 'fanni' | 'olli' | 'foreign', string> = {} as never;
  let familyCentre: string;
  let annaToken: string;
  let ceciliaToken: string;
  let strangerToken: string;

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
  const tomorrow = shiftDays(today, 1);
  const twoYearsAhead = `${Number(today.slice(0, 4)) + 2}-01-01`;

  beforeAll(async () => {
    api = await TestApi.start();
    db = await runtimeClient();
    const org = await api.gql<{ createOrganisation: { id: string } }>(CREATE_ORG, { name: 'Keski-Suomen hyvinvointialue' }, COORDINATOR);
    const unit = (name: string, sector: string) =>
      api.gql<{ createUnit: { id: string } }>(CREATE_UNIT, { input: { organisationId: org.data!.createOrganisation.id, name, sector } }, COORDINATOR);
    familyCentre = (await unit('Jyväskylän perhekeskus', 'SOCIAL_AND_HEALTH_CARE')).data!.createUnit.id;
    const daycare = (await unit('Päiväkoti Pikkusieni', 'EARLY_CHILDHOOD_EDUCATION')).data!.createUnit.id;

    const person = async (firstName: string, lastName: string, email: string, unitId: string | null, county = COORDINATOR) => {
      const created = await api.gql<{ createPerson: { id: string } }>(CREATE_PERSON, { input: { firstName, lastName, email, unitId } }, county);
      expect(created.errors).toBeUndefined();
      return created.data!.createPerson.id;
    };
    people.anna = await person('Anna', 'Avain', 'anna.avain@ksshp.fi', familyCentre);
    people.bertta = await person('Bertta', 'Berg', 'bertta.berg@jkl.fi', daycare);
    people.cecilia = await person('Cecilia', 'Coach', 'cecilia.coach@ksshp.fi', familyCentre);
    people.eero = await person('Eero', 'Entinen', 'eero.entinen@jkl.fi', daycare);
    people.fanni = await person('Fanni', 'Fagerström', 'fanni@jkl.fi', null);
    people.olli = await person('Olli', 'Uusi', 'olli.uusi@jkl.fi', familyCentre);
    people.foreign = await person('Ulla', 'Ulkopuolinen', 'ulla@pirha.fi', null, OTHER_COUNTY);

    const county16 = await countyId(db, '16');
    members.anna = await seedMembership(db, county16, people.anna, 'ACTIVE', '2025-05-27');
    members.bertta = await seedMembership(db, county16, people.bertta, 'ACTIVE', '2025-05-27');
    members.cecilia = await seedMembership(db, county16, people.cecilia, 'ACTIVE', '2024-11-05');
    members.eero = await seedMembership(db, county16, people.eero, 'LEFT_ROLE', '2025-08-01');
    members.fanni = await seedMembership(db, county16, people.fanni, 'ACTIVE', '2025-11-05');
    members.foreign = await seedMembership(db, await countyId(db, '17'), people.foreign, 'ACTIVE', '2025-05-27');

    annaToken = await api.issuer.token(KW, '16', { subject: 'anna', email: 'anna.avain@ksshp.fi' });
    ceciliaToken = await api.issuer.token(TR, '16', { subject: 'cecilia', email: 'cecilia.coach@ksshp.fi' });
    strangerToken = await api.issuer.token(KW, '16', { subject: 'stranger', email: 'nobody@example.fi' });
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  describe('roles', () => {
    it.each(NETWORK_MATRIX.flatMap(([name, allowed, query]) => ALL.map((role) => [name, role, allowed.includes(role), query] as const)))(
      '%s as %s: allowed = %s',
      async (_name, role, allowed, query) => {
        const result: GqlResult<unknown> = await api.gql(query, {}, { role, county: role === NA || role === AN ? undefined : '17' });
        const codes = errorCodes(result);
        expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
        if (allowed) expect(codes).not.toContain('FORBIDDEN');
        else expect(codes).toEqual(['FORBIDDEN']);
      },
    );
  });

  describe('memberships', () => {
    it('lists members with person, unit and sector, filtered and paged', async () => {
      const all = await api.gql<{ memberships: { totalCount: number; nodes: MembershipView[] } }>(MEMBERSHIPS, {}, COORDINATOR);
      expect(all.errors).toBeUndefined();
      expect(all.data!.memberships.totalCount).toBe(5);
      expect(all.data!.memberships.nodes.map((m) => m.personName)).toEqual(['Anna Avain', 'Bertta Berg', 'Cecilia Coach', 'Eero Entinen', 'Fanni Fagerström']);
      expect(all.data!.memberships.nodes[0]).toMatchObject({
        id: members.anna,
        personId: people.anna,
        unitName: 'Jyväskylän perhekeskus',
        sector: 'SOCIAL_AND_HEALTH_CARE',
        status: 'ACTIVE',
        since: '2025-05-27',
        version: 1,
        history: [{ status: 'ACTIVE', effectiveOn: '2025-05-27', reason: 'Certified as a key worker' }],
      });
      expect(all.data!.memberships.nodes[4]).toMatchObject({ unitName: null, sector: null });

      const left = await api.gql<{ memberships: { nodes: MembershipView[] } }>(MEMBERSHIPS, { status: 'LEFT_ROLE' }, COORDINATOR);
      expect(left.data!.memberships.nodes.map((m) => m.id)).toEqual([members.eero]);
      const daycare = await api.gql<{ memberships: { nodes: MembershipView[] } }>(MEMBERSHIPS, { sector: 'EARLY_CHILDHOOD_EDUCATION' }, COORDINATOR);
      expect(daycare.data!.memberships.nodes.map((m) => m.personName)).toEqual(['Bertta Berg', 'Eero Entinen']);
      const unit = await api.gql<{ memberships: { nodes: MembershipView[] } }>(MEMBERSHIPS, { unitId: familyCentre }, COORDINATOR);
      expect(unit.data!.memberships.nodes.map((m) => m.personName)).toEqual(['Anna Avain', 'Cecilia Coach']);
      const one = await api.gql<{ memberships: { nodes: MembershipView[] } }>(MEMBERSHIPS, { personId: people.eero }, COORDINATOR);
      expect(one.data!.memberships.nodes.map((m) => m.id)).toEqual([members.eero]);
      const bad = await api.gql(MEMBERSHIPS, { personId: 'not-a-uuid' }, COORDINATOR);
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: GqlResult<{ memberships: { nodes: MembershipView[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }> = await api.gql(
          MEMBERSHIPS,
          { first: 2, after },
          COORDINATOR,
        );
        seen.push(...page.data!.memberships.nodes.map((m) => m.id));
        after = page.data!.memberships.pageInfo.hasNextPage ? page.data!.memberships.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(all.data!.memberships.nodes.map((m) => m.id));
    });

    it("answers another county's membership exactly like an unknown one", async () => {
      const own = await api.gql<{ membership: MembershipView }>(MEMBERSHIP, { id: members.foreign }, OTHER_COUNTY);
      expect(own.data!.membership.personName).toBe('Ulla Ulkopuolinen');
      for (const id of [members.foreign, NONE, 'not-a-uuid']) {
        const result = await api.gql(MEMBERSHIP, { id }, COORDINATOR);
        expect(result.data).toBeNull();
        expect(result.errors?.map((e) => [e.extensions.code, e.message])).toEqual([['NOT_FOUND', 'Membership not found']]);
      }
      const change = await api.gql(CHANGE_STATUS, { input: { membershipId: members.foreign, version: 1, status: 'ON_LEAVE', effectiveOn: '2025-10-01' } }, COORDINATOR);
      expect(errorCodes(change)).toEqual(['NOT_FOUND']);
      const listed = await api.gql<{ memberships: { nodes: MembershipView[] } }>(MEMBERSHIPS, { first: 200 }, COORDINATOR);
      expect(listed.data!.memberships.nodes.map((m) => m.id)).not.toContain(members.foreign);
    });

    it('changes a status and appends it to the history, newest first', async () => {
      const changed = await api.gql<{ changeMembershipStatus: MembershipView }>(
        CHANGE_STATUS,
        { input: { membershipId: members.bertta, version: 1, status: 'ON_LEAVE', effectiveOn: '2025-10-01', reason: 'Perhevapaa' } },
        COORDINATOR,
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.changeMembershipStatus).toMatchObject({ status: 'ON_LEAVE', since: '2025-10-01', version: 2 });
      expect(changed.data!.changeMembershipStatus.history).toMatchObject([
        { status: 'ON_LEAVE', effectiveOn: '2025-10-01', reason: 'Perhevapaa', recordedBy: expect.stringContaining('county_coordinator-16') },
        { status: 'ACTIVE', effectiveOn: '2025-05-27', reason: 'Certified as a key worker', recordedBy: 'system' },
      ]);
    });

    it('refuses a stale version with CONFLICT', async () => {
      const stale = await api.gql(CHANGE_STATUS, { input: { membershipId: members.bertta, version: 1, status: 'ACTIVE', effectiveOn: '2025-12-01' } }, COORDINATOR);
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.version' }] });
      const unchanged = await api.gql<{ membership: MembershipView }>(MEMBERSHIP, { id: members.bertta }, COORDINATOR);
      expect(unchanged.data!.membership).toMatchObject({ status: 'ON_LEAVE', version: 2 });
      expect(unchanged.data!.membership.history).toHaveLength(2);
    });

    it('validates a change and names the fields', async () => {
      const refused = async (input: Record<string, unknown>) => {
        const result = await api.gql(CHANGE_STATUS, { input: { membershipId: members.anna, version: 1, ...input } }, COORDINATOR);
        expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
        return fieldsOf(result);
      };
      expect(await refused({ status: 'ACTIVE', effectiveOn: '2025-10-01' })).toEqual(['input.status']); // no-op change
      expect(await refused({ status: 'ON_LEAVE', effectiveOn: twoYearsAhead })).toEqual(['input.effectiveOn']);
      expect(await refused({ status: 'ON_LEAVE', effectiveOn: '2025-01-01' })).toEqual(['input.effectiveOn']); // before the status began
      expect(await refused({ status: 'ON_LEAVE', effectiveOn: '2026-02-30' })).toEqual(['input.effectiveOn']);
      expect(await refused({ status: 'ON_LEAVE', effectiveOn: '1.10.2025', reason: 'x'.repeat(501) })).toEqual(['input.effectiveOn', 'input.reason']);
      expect(await refused({ status: 'ACTIVE', effectiveOn: twoYearsAhead })).toEqual(['input.effectiveOn', 'input.status']);
      const untouched = await api.gql<{ membership: MembershipView }>(MEMBERSHIP, { id: members.anna }, COORDINATOR);
      expect(untouched.data!.membership).toMatchObject({ status: 'ACTIVE', version: 1 });
    });

    it('shows key workers and trainers their own membership only', async () => {
      const mine = await api.gql<{ myMembership: MembershipView }>(MY_MEMBERSHIP, {}, annaToken);
      expect(mine.data!.myMembership).toMatchObject({ id: members.anna, status: 'ACTIVE', history: [{ status: 'ACTIVE' }] });
      const trainer = await api.gql<{ myMembership: MembershipView }>(MY_MEMBERSHIP, {}, ceciliaToken);
      expect(trainer.data!.myMembership.id).toBe(members.cecilia);
      expect((await api.gql(MY_MEMBERSHIP, {}, strangerToken)).data).toEqual({ myMembership: null });
      expect((await api.gql(MY_MEMBERSHIP, {}, { role: NA })).data).toEqual({ myMembership: null });
      expect(errorCodes(await api.gql(MEMBERSHIP, { id: members.anna }, annaToken))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await api.gql(MEMBERSHIPS, {}, ceciliaToken))).toEqual(['FORBIDDEN']);
      const self = await api.gql(CHANGE_STATUS, { input: { membershipId: members.anna, version: 1, status: 'ON_LEAVE', effectiveOn: today } }, annaToken);
      expect(errorCodes(self)).toEqual(['FORBIDDEN']);
    });

    it('makes a certified key worker an active member once (ensureActiveMembership)', async () => {
      const tenantId = await countyId(db, '16');
      const ensure = (personId: string, since: string) =>
        api.app.get(TenantContext).runAs(tenantId, 'test', () => api.app.get(TenantTransaction).run((em) => ensureActiveMembership(em, personId, since)));
      await ensure(people.olli, '2026-05-27');
      await ensure(people.olli, '2026-06-30');
      await ensure(people.eero, '2026-05-27'); // has a membership already (LEFT_ROLE): left as it is
      const olli = await api.gql<{ memberships: { nodes: MembershipView[] } }>(MEMBERSHIPS, { first: 200 }, COORDINATOR);
      const byPerson = new Map(olli.data!.memberships.nodes.map((m) => [m.personId, m]));
      expect(byPerson.get(people.olli)).toMatchObject({ status: 'ACTIVE', since: '2026-05-27', history: [{ status: 'ACTIVE', effectiveOn: '2026-05-27' }] });
      expect(byPerson.get(people.eero)).toMatchObject({ status: 'LEFT_ROLE', version: 1, history: [{ status: 'LEFT_ROLE' }] });
      members.olli = byPerson.get(people.olli)!.id;
    });
  });

  describe('the February review', () => {
    const YEAR = 2026;

    it('opens one round per year with an open item per ACTIVE or ON_LEAVE member', async () => {
      const opened = await api.gql<{ openReviewRound: RoundView }>(OPEN_ROUND, { year: YEAR }, COORDINATOR);
      expect(opened.errors).toBeUndefined();
      // Anna, Bertta (on leave), Cecilia, Fanni and Olli; not Eero, who left the role.
      expect(opened.data!.openReviewRound).toMatchObject({ year: YEAR, closedOn: null, counts: { total: 5, open: 5, confirmed: 0, changed: 0, gone: 0 } });
      const again = await api.gql(OPEN_ROUND, { year: YEAR }, COORDINATOR);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'year' }] });
      const round = await api.gql<{ reviewRound: RoundView }>(ROUND, { year: YEAR }, COORDINATOR);
      expect(round.data!.reviewRound.items!.map((i) => [i.personName, i.currentStatus, i.outcome])).toEqual([
        ['Anna Avain', 'ACTIVE', null],
        ['Bertta Berg', 'ON_LEAVE', null],
        ['Cecilia Coach', 'ACTIVE', null],
        ['Fanni Fagerström', 'ACTIVE', null],
        ['Olli Uusi', 'ACTIVE', null],
      ]);
      expect(errorCodes(await api.gql(ROUND, { year: YEAR }, OTHER_COUNTY))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await api.gql(OPEN_ROUND, { year: 1999 }, COORDINATOR))).toEqual(['BAD_USER_INPUT']);
    });

    it('confirms a member without touching the membership', async () => {
      const roundId = await roundIdOf(YEAR);
      const decided = await api.gql<{ decideReviewItem: ItemView }>(
        DECIDE,
        { input: { roundId, membershipId: members.anna, outcome: 'CONFIRMED', note: 'Jatkaa, 2 h/vko' } },
        COORDINATOR,
      );
      expect(decided.errors).toBeUndefined();
      expect(decided.data!.decideReviewItem).toMatchObject({ outcome: 'CONFIRMED', currentStatus: 'ACTIVE', note: 'Jatkaa, 2 h/vko', decidedAt: expect.any(String) });
      const anna = await api.gql<{ membership: MembershipView }>(MEMBERSHIP, { id: members.anna }, COORDINATOR);
      expect(anna.data!.membership).toMatchObject({ status: 'ACTIVE', version: 1 });
      const twice = await api.gql(DECIDE, { input: { roundId, membershipId: members.anna, outcome: 'CONFIRMED' } }, COORDINATOR);
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.membershipId' }] });
    });

    it('checks that the new status fits the outcome', async () => {
      const roundId = await roundIdOf(YEAR);
      const problem = async (input: Record<string, unknown>) => {
        const result = await api.gql(DECIDE, { input: { roundId, membershipId: members.cecilia, ...input } }, COORDINATOR);
        expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
        return fieldsOf(result);
      };
      expect(await problem({ outcome: 'CHANGED' })).toEqual(['input.newStatus']);
      expect(await problem({ outcome: 'CHANGED', newStatus: 'LEFT_ROLE' })).toEqual(['input.newStatus']);
      expect(await problem({ outcome: 'CHANGED', newStatus: 'ACTIVE' })).toEqual(['input.newStatus']); // Cecilia is ACTIVE already
      expect(await problem({ outcome: 'GONE', newStatus: 'ON_LEAVE' })).toEqual(['input.newStatus']);
      expect(await problem({ outcome: 'GONE' })).toEqual(['input.newStatus']);
      expect(await problem({ outcome: 'CONFIRMED', newStatus: 'ON_LEAVE', effectiveOn: today })).toEqual(['input.effectiveOn', 'input.newStatus']);
      expect(await problem({ outcome: 'GONE', newStatus: 'LEFT_ROLE', effectiveOn: tomorrow.replace(/-/g, '/') })).toEqual(['input.effectiveOn']);
      expect(await problem({ outcome: 'GONE', newStatus: 'LEFT_ROLE', note: 'x'.repeat(501) })).toEqual(['input.note']);
      const unknown = await api.gql(DECIDE, { input: { roundId, membershipId: members.eero, outcome: 'CONFIRMED' } }, COORDINATOR);
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']); // Eero was not in the round
      const foreign = await api.gql(DECIDE, { input: { roundId, membershipId: members.foreign, outcome: 'CONFIRMED' } }, COORDINATOR);
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    });

    it('applies CHANGED and GONE like a status change, with history "Review <year>"', async () => {
      const roundId = await roundIdOf(YEAR);
      const back = await api.gql(DECIDE, { input: { roundId, membershipId: members.bertta, outcome: 'CHANGED', newStatus: 'ACTIVE' } }, COORDINATOR);
      expect(back.errors).toBeUndefined();
      const gone = await api.gql(
        DECIDE,
        { input: { roundId, membershipId: members.cecilia, outcome: 'GONE', newStatus: 'LEFT_ORGANISATION', effectiveOn: '2026-01-31', note: 'Siirtyi toiseen työpaikkaan' } },
        COORDINATOR,
      );
      expect(gone.errors).toBeUndefined();
      const bertta = (await api.gql<{ membership: MembershipView }>(MEMBERSHIP, { id: members.bertta }, COORDINATOR)).data!.membership;
      expect(bertta).toMatchObject({ status: 'ACTIVE', since: today, version: 3 });
      expect(bertta.history.map((e) => [e.status, e.reason])).toEqual([
        ['ACTIVE', `Review ${YEAR}`],
        ['ON_LEAVE', 'Perhevapaa'],
        ['ACTIVE', 'Certified as a key worker'],
      ]);
      const cecilia = (await api.gql<{ membership: MembershipView }>(MEMBERSHIP, { id: members.cecilia }, COORDINATOR)).data!.membership;
      expect(cecilia).toMatchObject({ status: 'LEFT_ORGANISATION', since: '2026-01-31' });
      expect(cecilia.history[0]).toMatchObject({ status: 'LEFT_ORGANISATION', effectiveOn: '2026-01-31', reason: `Review ${YEAR}` });

      const open = await api.gql<{ reviewRound: RoundView }>(ROUND, { year: YEAR, onlyOpen: true }, COORDINATOR);
      expect(open.data!.reviewRound.counts).toEqual({ total: 5, open: 2, confirmed: 1, changed: 1, gone: 1 });
      expect(open.data!.reviewRound.items!.map((i) => i.personName)).toEqual(['Fanni Fagerström', 'Olli Uusi']);
    });

    it('closes only when every item is decided, unless forced; a closed round takes no decisions', async () => {
      const roundId = await roundIdOf(YEAR);
      const early = await api.gql(CLOSE_ROUND, { year: YEAR }, COORDINATOR);
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'force' }] });
      expect(early.errors?.[0].message).toMatch(/2 item\(s\) of 2026 are still open/);
      await api.gql(DECIDE, { input: { roundId, membershipId: members.olli, outcome: 'CONFIRMED' } }, COORDINATOR);
      const forced = await api.gql<{ closeReviewRound: RoundView }>(CLOSE_ROUND, { year: YEAR, force: true }, COORDINATOR);
      expect(forced.errors).toBeUndefined();
      expect(forced.data!.closeReviewRound).toMatchObject({ closedOn: today, counts: { total: 5, open: 1, confirmed: 2, changed: 1, gone: 1 } });

      const late = await api.gql(DECIDE, { input: { roundId, membershipId: members.fanni, outcome: 'CONFIRMED' } }, COORDINATOR);
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.roundId' }] });
      expect(errorCodes(await api.gql(CLOSE_ROUND, { year: YEAR, force: true }, COORDINATOR))).toEqual(['CONFLICT']);
      expect(errorCodes(await api.gql(CLOSE_ROUND, { year: 2027 }, COORDINATOR))).toEqual(['NOT_FOUND']);
    });

    it('keeps every round and its items as history', async () => {
      const next = await api.gql<{ openReviewRound: RoundView }>(OPEN_ROUND, { year: YEAR + 1 }, COORDINATOR);
      // Anna, Bertta, Fanni, Olli: Cecilia has left the organisation.
      expect(next.data!.openReviewRound.counts.total).toBe(4);
      const rounds = await api.gql<{ reviewRounds: RoundView[] }>(ROUNDS, {}, COORDINATOR);
      expect(rounds.data!.reviewRounds.map((r) => [r.year, r.closedOn === null])).toEqual([
        [YEAR + 1, true],
        [YEAR, false],
      ]);
      const old = await api.gql<{ reviewRound: RoundView }>(ROUND, { year: YEAR }, COORDINATOR);
      expect(old.data!.reviewRound.items!.map((i) => [i.personName, i.outcome])).toEqual([
        ['Anna Avain', 'CONFIRMED'],
        ['Bertta Berg', 'CHANGED'],
        ['Cecilia Coach', 'GONE'],
        ['Fanni Fagerström', null],
        ['Olli Uusi', 'CONFIRMED'],
      ]);
      expect((await api.gql<{ reviewRounds: RoundView[] }>(ROUNDS, {}, OTHER_COUNTY)).data!.reviewRounds).toEqual([]);
    });

    async function roundIdOf(year: number): Promise<string> {
      return (await api.gql<{ reviewRound: RoundView }>(ROUND, { year }, COORDINATOR)).data!.reviewRound.id;
    }
  });

  describe('activities', () => {
    let annaActivity: ActivityView;
    let berttaActivity: ActivityView;

    it('lets a key worker log their own activities, and only their own', async () => {
      const logged = await api.gql<{ logActivity: ActivityView }>(LOG, { input: { kind: 'CONSULTATION', occurredOn: '2026-03-10', count: 3 } }, annaToken);
      expect(logged.errors).toBeUndefined();
      annaActivity = logged.data!.logActivity;
      expect(annaActivity).toMatchObject({ personId: people.anna, personName: 'Anna Avain', kind: 'CONSULTATION', occurredOn: '2026-03-10', count: 3, version: 1 });
      const paired = await api.gql<{ logActivity: ActivityView }>(LOG, { input: { kind: 'PAIR_WORK', occurredOn: today, personId: people.anna } }, annaToken);
      expect(paired.data!.logActivity).toMatchObject({ personId: people.anna, count: 1 });

      const forOther = await api.gql(LOG, { input: { kind: 'CONSULTATION', occurredOn: '2026-03-10', personId: people.bertta } }, annaToken);
      expect(errorCodes(forOther)).toEqual(['FORBIDDEN']);
      const nobody = await api.gql(LOG, { input: { kind: 'CONSULTATION', occurredOn: '2026-03-10' } }, strangerToken);
      expect(nobody.errors?.map((e) => [e.extensions.code, e.message])).toEqual([['FORBIDDEN', 'No person record matches your sign-in']]);
      const trainer = await api.gql<{ logActivity: ActivityView }>(LOG, { input: { kind: 'INFO_SESSION', occurredOn: '2026-02-02', note: 'Info for the school nurses' } }, ceciliaToken);
      expect(trainer.data!.logActivity).toMatchObject({ personId: people.cecilia, note: 'Info for the school nurses' });
    });

    it('lets a coordinator log for anyone of the county', async () => {
      const logged = await api.gql<{ logActivity: ActivityView }>(LOG, { input: { kind: 'ADDRESSING_TRAINING', occurredOn: '2026-04-15', personId: people.bertta } }, COORDINATOR);
      expect(logged.errors).toBeUndefined();
      berttaActivity = logged.data!.logActivity;
      expect(berttaActivity).toMatchObject({ personId: people.bertta, personName: 'Bertta Berg' });
      const foreign = await api.gql(LOG, { input: { kind: 'CONSULTATION', occurredOn: '2026-04-15', personId: people.foreign } }, COORDINATOR);
      expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.personId', message: 'is not a person of your county' }] });
    });

    it('validates activities and names the fields', async () => {
      const bad = await api.gql(LOG, { input: { kind: 'CONSULTATION', occurredOn: '2026-13-01', count: 0, note: 'x'.repeat(501) } }, annaToken);
      expect(fieldsOf(bad)).toEqual(['input.count', 'input.note', 'input.occurredOn']);
      const future = await api.gql(LOG, { input: { kind: 'CONSULTATION', occurredOn: tomorrow } }, annaToken);
      expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.occurredOn', message: 'must not be in the future' }] });
      const course = await api.gql(LOG, { input: { kind: 'ADDRESSING_TRAINING', occurredOn: today, courseId: NONE } }, annaToken);
      expect(course.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.courseId' }] });
      const cleared = await api.gql(UPDATE_ACTIVITY, { input: { id: annaActivity.id, version: 1, kind: null, count: null } }, annaToken);
      expect(fieldsOf(cleared)).toEqual(['input.count', 'input.kind']);
      const range = await api.gql(ACTIVITIES, { from: '2026-05-01', to: '2026-04-01' }, COORDINATOR);
      expect(range.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
    });

    it("lists own activities to key workers, everyone's to coordinators, newest first", async () => {
      const own = await api.gql<{ activities: { totalCount: number; nodes: ActivityView[] } }>(ACTIVITIES, {}, annaToken);
      expect(own.data!.activities.nodes.map((a) => [a.kind, a.personId])).toEqual([
        ['PAIR_WORK', people.anna],
        ['CONSULTATION', people.anna],
      ]);
      const peek = await api.gql<{ activities: { totalCount: number } }>(ACTIVITIES, { personId: people.bertta }, annaToken);
      expect(peek.data!.activities.totalCount).toBe(0);
      expect((await api.gql<{ activities: { totalCount: number } }>(ACTIVITIES, {}, strangerToken)).data!.activities.totalCount).toBe(0);

      const all = await api.gql<{ activities: { totalCount: number; nodes: ActivityView[] } }>(ACTIVITIES, {}, COORDINATOR);
      expect(all.data!.activities.nodes.map((a) => a.occurredOn)).toEqual([today, '2026-04-15', '2026-03-10', '2026-02-02']);
      const filtered = await api.gql<{ activities: { nodes: ActivityView[] } }>(ACTIVITIES, { from: '2026-03-01', to: '2026-04-30', kind: 'CONSULTATION' }, COORDINATOR);
      expect(filtered.data!.activities.nodes.map((a) => a.id)).toEqual([annaActivity.id]);
      const bertta = await api.gql<{ activities: { nodes: ActivityView[] } }>(ACTIVITIES, { personId: people.bertta }, COORDINATOR);
      expect(bertta.data!.activities.nodes.map((a) => a.id)).toEqual([berttaActivity.id]);

      const first = await api.gql<{ activities: { nodes: ActivityView[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(ACTIVITIES, { first: 3 }, COORDINATOR);
      expect(first.data!.activities.pageInfo.hasNextPage).toBe(true);
      const rest = await api.gql<{ activities: { nodes: ActivityView[]; pageInfo: { hasNextPage: boolean } } }>(
        ACTIVITIES,
        { first: 3, after: first.data!.activities.pageInfo.endCursor },
        COORDINATOR,
      );
      expect([...first.data!.activities.nodes, ...rest.data!.activities.nodes].map((a) => a.id)).toEqual(all.data!.activities.nodes.map((a) => a.id));
      expect(rest.data!.activities.pageInfo.hasNextPage).toBe(false);
      expect((await api.gql<{ activities: { totalCount: number } }>(ACTIVITIES, {}, OTHER_COUNTY)).data!.activities.totalCount).toBe(0);
    });

    it('lets key workers change and delete only their own; stale versions are refused', async () => {
      const updated = await api.gql<{ updateActivity: ActivityView }>(UPDATE_ACTIVITY, { input: { id: annaActivity.id, version: 1, count: 4, note: 'Kolme puhelua, yksi tapaaminen' } }, annaToken);
      expect(updated.errors).toBeUndefined();
      expect(updated.data!.updateActivity).toMatchObject({ count: 4, version: 2 });
      const stale = await api.gql(UPDATE_ACTIVITY, { input: { id: annaActivity.id, version: 1, count: 5 } }, COORDINATOR);
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.version' }] });
      const future = await api.gql(UPDATE_ACTIVITY, { input: { id: annaActivity.id, version: 2, occurredOn: tomorrow } }, annaToken);
      expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.occurredOn' }] });

      for (const result of [
        await api.gql(UPDATE_ACTIVITY, { input: { id: berttaActivity.id, version: 1, count: 9 } }, annaToken),
        await api.gql(DELETE_ACTIVITY, { input: { id: berttaActivity.id, version: 1 } }, annaToken),
        await api.gql(UPDATE_ACTIVITY, { input: { id: berttaActivity.id, version: 1, count: 9 } }, OTHER_COUNTY),
        await api.gql(UPDATE_ACTIVITY, { input: { id: NONE, version: 1, count: 9 } }, annaToken),
      ]) {
        expect(result.errors?.map((e) => [e.extensions.code, e.message])).toEqual([['NOT_FOUND', 'Activity not found']]);
      }

      expect(errorCodes(await api.gql(DELETE_ACTIVITY, { input: { id: annaActivity.id, version: 1 } }, annaToken))).toEqual(['CONFLICT']);
      const deleted = await api.gql<{ deleteActivity: string }>(DELETE_ACTIVITY, { input: { id: annaActivity.id, version: 2 } }, annaToken);
      expect(deleted.data).toEqual({ deleteActivity: annaActivity.id });
      const byCoordinator = await api.gql(DELETE_ACTIVITY, { input: { id: berttaActivity.id, version: 1 } }, COORDINATOR);
      expect(byCoordinator.errors).toBeUndefined();
      const left = await api.gql<{ activities: { nodes: ActivityView[] } }>(ACTIVITIES, {}, COORDINATOR);
      const remaining = left.data!.activities.nodes.map((a) => a.id);
      expect(remaining).not.toContain(annaActivity.id);
      expect(remaining).not.toContain(berttaActivity.id);
    });
  });

  describe('network events', () => {
    let friday: { id: string; version: number };

    it('lets coordinators create and change events, and every county role read them', async () => {
      const created = await api.gql<{ createNetworkEvent: typeof friday }>(
        CREATE_EVENT,
        { input: { heldOn: '2026-03-06', theme: 'Avoin perjantai: väkivallan puheeksiotto', attendanceCount: 18 } },
        COORDINATOR,
      );
      expect(created.errors).toBeUndefined();
      friday = created.data!.createNetworkEvent;
      await api.gql(CREATE_EVENT, { input: { heldOn: '2026-04-03', theme: 'Avoin perjantai: tekijätyö' } }, COORDINATOR);

      const updated = await api.gql<{ updateNetworkEvent: unknown }>(UPDATE_EVENT, { input: { id: friday.id, version: 1, attendanceCount: 21 } }, COORDINATOR);
      expect(updated.data!.updateNetworkEvent).toMatchObject({ attendanceCount: 21, version: 2, theme: 'Avoin perjantai: väkivallan puheeksiotto' });
      const stale = await api.gql(UPDATE_EVENT, { input: { id: friday.id, version: 1, attendanceCount: 5 } }, COORDINATOR);
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.version' }] });

      for (const reader of [annaToken, ceciliaToken, COORDINATOR]) {
        const events = await api.gql<{ networkEvents: Array<{ heldOn: string; attendanceCount: number }> }>(EVENTS, {}, reader);
        expect(events.data!.networkEvents.map((e) => [e.heldOn, e.attendanceCount])).toEqual([
          ['2026-03-06', 21],
          ['2026-04-03', 0],
        ]);
      }
      const april = await api.gql<{ networkEvents: Array<{ heldOn: string }> }>(EVENTS, { from: '2026-04-01', to: '2026-04-30' }, annaToken);
      expect(april.data!.networkEvents.map((e) => e.heldOn)).toEqual(['2026-04-03']);
      expect(errorCodes(await api.gql(CREATE_EVENT, { input: { heldOn: today, theme: 'Oma tapahtuma' } }, annaToken))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await api.gql(EVENTS, {}, { role: ESF, county: '16' }))).toEqual(['FORBIDDEN']);
    });

    it("keeps events within the county and validates them", async () => {
      expect((await api.gql<{ networkEvents: unknown[] }>(EVENTS, {}, OTHER_COUNTY)).data!.networkEvents).toEqual([]);
      expect(errorCodes(await api.gql(UPDATE_EVENT, { input: { id: friday.id, version: 2, theme: 'Kaapattu' } }, OTHER_COUNTY))).toEqual(['NOT_FOUND']);
      const bad = await api.gql(CREATE_EVENT, { input: { heldOn: '6.3.2026', theme: '', attendanceCount: -1 } }, COORDINATOR);
      expect(fieldsOf(bad)).toEqual(['input.attendanceCount', 'input.heldOn', 'input.theme']);
      const far = await api.gql(CREATE_EVENT, { input: { heldOn: twoYearsAhead, theme: 'Liian kaukana' } }, COORDINATOR);
      expect(far.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.heldOn' }] });
      const cleared = await api.gql(UPDATE_EVENT, { input: { id: friday.id, version: 2, theme: null } }, COORDINATOR);
      expect(errorCodes(cleared)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(cleared)).toEqual(['input.theme']);
    });
  });

  describe('the record', () => {
    it('keeps membership history append-only and audits every network write', async () => {
      await inTenant(db, await countyId(db, '16'), async () => {
        const { rows: events } = await db.query('SELECT count(*)::int AS n FROM membership_events WHERE membership_id = $1', [members.bertta]);
        expect(events[0].n).toBe(3);
        await expect(db.query("UPDATE membership_events SET reason = 'rewritten' WHERE membership_id = $1", [members.bertta])).rejects.toThrow(/permission denied/);
      });
      await inTenant(db, await countyId(db, '16'), async () => {
        await expect(db.query('DELETE FROM membership_events WHERE membership_id = $1', [members.bertta])).rejects.toThrow(/permission denied/);
      });
      await inTenant(db, await countyId(db, '16'), async () => {
        const { rows } = await db.query(
          `SELECT entity, action, count(*)::int AS n FROM audit_log
            WHERE entity IN ('Membership', 'ReviewRound', 'Activity', 'NetworkEvent') AND action <> 'READ_PERSONAL'
            GROUP BY entity, action ORDER BY entity, action`,
        );
        const counts = Object.fromEntries(rows.map((r) => [`${r.entity} ${r.action}`, r.n]));
        expect(counts).toEqual({
          'Activity CREATE': 4,
          'Activity DELETE': 2,
          'Activity UPDATE': 1,
          'Membership CREATE': 1, // Olli, through ensureActiveMembership; the others were seeded directly
          'Membership UPDATE': 3, // Bertta's leave; the review's CHANGED and GONE
          'NetworkEvent CREATE': 2,
          'NetworkEvent UPDATE': 1,
          'ReviewRound CREATE': 2,
          'ReviewRound UPDATE': 5, // four decisions and the close
        });
      });
    });
  });
});

/**
 * A membership as certification will create it, written directly as the runtime role (row-level security
 * applies) and committed: no API certifies people yet, and the network exposes nothing just for tests.
 */
async function seedMembership(db: Client, tenantId: string, personId: string, status: string, since: string): Promise<string> {
  await db.query('BEGIN');
  try {
    await db.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const { rows } = await db.query('INSERT INTO memberships (person_id, status, since) VALUES ($1, $2, $3) RETURNING id', [personId, status, since]);
    const reason = status === 'ACTIVE' ? 'Certified as a key worker' : 'Recorded before Lähde';
    await db.query('INSERT INTO membership_events (membership_id, status, effective_on, reason) VALUES ($1, $2, $3, $4)', [rows[0].id, status, since, reason]);
    await db.query('COMMIT');
    return rows[0].id;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** The distinct input fields a BAD_USER_INPUT names, sorted. */
function fieldsOf(result: GqlResult<unknown>): string[] {
  return [...new Set((result.errors?.[0]?.extensions.fields ?? []).map((f) => f.field))].sort();
}

function shiftDays(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}
