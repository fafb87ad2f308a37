import { useQuery } from '../../api/hooks';
import { Person } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { Figure, Section } from '../../ui/page';
import { Empty, Loaded } from '../../ui/status';
import { Certificate, Lineage, LineageLink, Membership, PERSON_CERTIFICATES, LINEAGE, PERSON_MEMBERSHIP } from './queries';
import { DetailList, useManages } from './shared';
import { MembershipBadge, MembershipHistory } from '../../ui/membership';

/** Membership, certificates and training of a person: the coordinator's view (trainers see the profile only). */
export function PersonHistory({ person }: { person: Person }) {
  if (!useManages()) return null;
  return (
    <>
      <MembershipSection person={person} />
      <CertificatesSection personId={person.id} />
      <TrainingSection personId={person.id} />
    </>
  );
}

function MembershipSection({ person }: { person: Person }) {
  const { t, format } = useI18n();
  const r = t.registry;
  const state = useQuery<{ memberships: { nodes: Membership[] } }>(PERSON_MEMBERSHIP, { personId: person.id });
  return (
    <Section title={r.membership} id="person-membership">
      <Loaded state={state}>
        {(data) => {
          const [membership] = data.memberships.nodes;
          if (!membership) return <Empty>{r.noMembership}</Empty>;
          return (
            <>
              <DetailList
                items={[
                  [r.status, <MembershipBadge status={membership.status} />],
                  [r.since, format.date(membership.since)],
                ]}
              />
              <MembershipHistory history={membership.history} />
            </>
          );
        }}
      </Loaded>
    </Section>
  );
}

function CertificatesSection({ personId }: { personId: string }) {
  const { t, format } = useI18n();
  const r = t.registry;
  const state = useQuery<{ certificates: Certificate[] }>(PERSON_CERTIFICATES, { personId });
  return (
    <Section title={r.certificates}>
      <Loaded state={state}>
        {({ certificates }) =>
          certificates.length === 0 ? (
            <Empty>{r.noCertificates}</Empty>
          ) : (
            <div className="quiet-caption">
              <DataTable
                caption={r.certificates}
                rows={certificates}
                rowKey={(c) => c.id}
                columns={[
                  { key: 'kind', header: r.certificate, cell: (c) => r.certificateKind[c.kind] ?? c.kind },
                  { key: 'issuedOn', header: r.issuedOn, cell: (c) => format.date(c.issuedOn) },
                  {
                    key: 'course',
                    header: r.course,
                    cell: (c) => (c.certifiedByThl ? r.thlTrainerTraining : c.courseId ? <Link to={`/courses/${c.courseId}`}>{r.openCourse}</Link> : r.noCourse),
                  },
                ]}
              />
            </div>
          )
        }
      </Loaded>
    </Section>
  );
}

/** One row per course: the lineage answers one link per trainer (or participant) of a course. */
function byCourse(links: LineageLink[]) {
  const courses = new Map<string, { courseId: string; courseName: string; tier: number; status: string; names: string[]; completed: number }>();
  for (const link of links) {
    const course = courses.get(link.courseId) ?? { courseId: link.courseId, courseName: link.courseName, tier: link.tier, status: link.status, names: [], completed: 0 };
    course.names.push(link.name);
    if (link.status === 'COMPLETED') course.completed += 1;
    courses.set(link.courseId, course);
  }
  return [...courses.values()];
}

function TrainingSection({ personId }: { personId: string }) {
  const { t, format } = useI18n();
  const r = t.registry;
  const state = useQuery<{ lineage: Lineage }>(LINEAGE, { personId });
  const courseLink = (c: { courseId: string; courseName: string }) => <Link to={`/courses/${c.courseId}`}>{c.courseName}</Link>;
  return (
    <Section title={r.training} id="person-training">
      <Loaded state={state}>
        {({ lineage }) => {
          const taken = byCourse(lineage.trainedBy);
          const trained = byCourse(lineage.trained);
          return (
            <>
              {lineage.trainedByThl && <p>{r.trainedByThl}</p>}
              <h3>{r.coursesTaken}</h3>
              {taken.length === 0 ? (
                <Empty>{r.noCoursesTaken}</Empty>
              ) : (
                <div className="quiet-caption">
                  <DataTable
                    caption={r.coursesTaken}
                    rows={taken}
                    rowKey={(c) => c.courseId}
                    columns={[
                      { key: 'course', header: r.course, cell: courseLink },
                      { key: 'tier', header: r.tier, cell: (c) => t.common.tier[c.tier] ?? c.tier },
                      { key: 'status', header: r.status, cell: (c) => r.enrolmentStatus[c.status] ?? c.status },
                      { key: 'trainers', header: r.trainers, cell: (c) => c.names.join(', ') },
                    ]}
                  />
                </div>
              )}
              <h3>{r.coursesTrained}</h3>
              {trained.length === 0 ? (
                <Empty>{r.noCoursesTrained}</Empty>
              ) : (
                <>
                  <div className="quiet-caption">
                    <DataTable
                      caption={r.coursesTrained}
                      rows={trained}
                      rowKey={(c) => c.courseId}
                      columns={[
                        { key: 'course', header: r.course, cell: courseLink },
                        { key: 'tier', header: r.tier, cell: (c) => t.common.tier[c.tier] ?? c.tier },
                        { key: 'participants', header: r.participants, numeric: true, cell: (c) => format.number(c.names.length) },
                        { key: 'completed', header: r.completed, numeric: true, cell: (c) => format.number(c.completed) },
                      ]}
                    />
                  </div>
                  <div className="figures reach">
                    <Figure label={r.reachTrainers} value={format.number(lineage.reach.trainers)} />
                    <Figure label={r.reachKeyWorkers} value={format.number(lineage.reach.keyWorkers)} />
                    <Figure label={r.reachParticipants} value={format.number(lineage.reach.addressingParticipants)} />
                    <Figure label={r.reachDepth} value={format.number(lineage.reach.depth)} />
                  </div>
                </>
              )}
            </>
          );
        }}
      </Loaded>
    </Section>
  );
}
