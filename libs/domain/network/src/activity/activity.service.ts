import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { applyChanges, assertVersion, findOrFail } from '@lahde/platform/database';
import { ForbiddenError, NotFoundError } from '@lahde/platform/errors';
import { decodeCursor, toConnection } from '@lahde/platform/pagination';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { managesNetwork, ownRowsCondition, ownsOrManages, requireSelf } from '../shared/caller';
import { notInFuture, ordered, refuseProblems } from '../shared/input-checks';
import { assertReference, SqlParams } from '../shared/sql';
import { loadActivity, queryActivities } from './activity-reader';
import { ActivityEntity } from './activity.entity';
import { Activity, ActivityListArgs, DeleteActivityInput, LogActivityInput, UpdateActivityInput } from './activity.models';

const EDITABLE = ['kind', 'occurredOn', 'count', 'courseId', 'note'] as const;

/** Key workers and trainers log and keep their own activities; coordinators and county admins anyone's. */
@Injectable()
export class ActivityService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
  ) {}

  /** Newest first. Key workers and trainers only ever see their own. */
  list(args: ActivityListArgs) {
    refuseProblems(ordered(args.from, args.to));
    return this.tx.run(async (em) => {
      const params = new SqlParams();
      const where = [await ownRowsCondition(em, this.principals.current, 'a.person_id')];
      if (args.personId) where.push(`a.person_id = ${params.add(args.personId)}`);
      if (args.kind) where.push(`a.kind = ${params.add(args.kind)}`);
      if (args.from) where.push(`a.occurred_on >= ${params.add(args.from)}`);
      if (args.to) where.push(`a.occurred_on <= ${params.add(args.to)}`);
      const filter = where.join(' AND ');
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM activities a WHERE ${filter}`, params.values);
      const after = decodeCursor(args.after, 2);
      const page = after ? ` AND (a.occurred_on, a.id) < (${params.add(after[0])}::date, ${params.add(after[1])}::uuid)` : '';
      const rows = await queryActivities(em, `WHERE ${filter}${page} ORDER BY a.occurred_on DESC, a.id DESC LIMIT ${params.add(args.first + 1)}`, params.values);
      await audit(em, 'READ_PERSONAL', 'Activity', rows.slice(0, args.first).map((r) => r.id));
      return toConnection(rows, args.first, n, (r) => r, (r) => [r.occurredOn, r.id]);
    });
  }

  log(input: LogActivityInput): Promise<Activity> {
    refuseProblems(notInFuture(input.occurredOn, 'input.occurredOn'));
    return this.tx.run(async (em) => {
      const personId = await this.whose(em, input.personId);
      await assertReference(em, 'course', input.courseId, 'input.courseId');
      const entity = em.create(ActivityEntity, {
        personId,
        kind: input.kind,
        occurredOn: input.occurredOn,
        count: input.count,
        courseId: input.courseId ?? null,
        note: input.note ?? null,
      });
      const saved = await em.save(entity);
      await audit(em, 'CREATE', 'Activity', saved.id);
      return loadActivity(em, saved.id);
    });
  }

  update(input: UpdateActivityInput): Promise<Activity> {
    refuseProblems(notInFuture(input.occurredOn, 'input.occurredOn'));
    return this.tx.run(async (em) => {
      const entity = await this.findOwn(em, input.id);
      assertVersion(entity, input.version, 'Activity');
      await assertReference(em, 'course', input.courseId, 'input.courseId');
      const changed = applyChanges(entity, input, [...EDITABLE]);
      await em.save(entity);
      await audit(em, 'UPDATE', 'Activity', entity.id, changed);
      return loadActivity(em, entity.id);
    });
  }

  delete(input: DeleteActivityInput): Promise<string> {
    return this.tx.run(async (em) => {
      const entity = await this.findOwn(em, input.id);
      assertVersion(entity, input.version, 'Activity');
      await em.delete(ActivityEntity, { id: entity.id });
      await audit(em, 'DELETE', 'Activity', entity.id);
      return entity.id;
    });
  }

  /** Whose activity a new entry is: key workers and trainers always their own; coordinators name anyone. */
  private async whose(em: EntityManager, personId: string | undefined): Promise<string> {
    const principal = this.principals.current;
    if (managesNetwork(principal) && personId) {
      await assertReference(em, 'person', personId, 'input.personId');
      return personId;
    }
    const self = await requireSelf(em, principal);
    if (personId && personId !== self) throw new ForbiddenError('Only a coordinator may log activities for someone else');
    return self;
  }

  /** Someone else's activity answers NOT_FOUND to a key worker, exactly like an unknown one. */
  private async findOwn(em: EntityManager, id: string): Promise<ActivityEntity> {
    const entity = await findOrFail(em, ActivityEntity, 'Activity', id, true);
    if (!(await ownsOrManages(em, this.principals.current, entity.personId))) throw new NotFoundError('Activity');
    return entity;
  }
}
