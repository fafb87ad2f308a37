import { Injectable } from '@nestjs/common';
import { audit } from '@lahde/platform/audit';
import { applyChanges, assertVersion, findOrFail } from '@lahde/platform/database';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { ordered, refuseProblems, withinAYear } from '../shared/input-checks';
import { NetworkEventEntity } from './network-event.entity';
import { CreateNetworkEventInput, NetworkEvent, NetworkEventListArgs, UpdateNetworkEventInput } from './network-event.models';

/** Network events of the caller's county; planned ones may be entered up to a year ahead. */
@Injectable()
export class NetworkEventService {
  constructor(private readonly tx: TenantTransaction) {}

  /** In date order. */
  list(args: NetworkEventListArgs): Promise<NetworkEvent[]> {
    refuseProblems(ordered(args.from, args.to));
    return this.tx.run(async (em) => {
      const query = em.createQueryBuilder(NetworkEventEntity, 'e');
      if (args.from) query.andWhere('e.heldOn >= :from', { from: args.from });
      if (args.to) query.andWhere('e.heldOn <= :to', { to: args.to });
      const rows = await query.orderBy('e.heldOn').addOrderBy('e.createdAt').getMany();
      return rows.map(toModel);
    });
  }

  create(input: CreateNetworkEventInput): Promise<NetworkEvent> {
    refuseProblems(withinAYear(input.heldOn, 'input.heldOn'));
    return this.tx.run(async (em) => {
      const saved = await em.save(em.create(NetworkEventEntity, { heldOn: input.heldOn, theme: input.theme, attendanceCount: input.attendanceCount }));
      await audit(em, 'CREATE', 'NetworkEvent', saved.id);
      return toModel(saved);
    });
  }

  update(input: UpdateNetworkEventInput): Promise<NetworkEvent> {
    if (input.heldOn) refuseProblems(withinAYear(input.heldOn, 'input.heldOn'));
    return this.tx.run(async (em) => {
      const entity = await findOrFail(em, NetworkEventEntity, 'Network event', input.id, true);
      assertVersion(entity, input.version, 'Network event');
      const changed = applyChanges(entity, input, ['heldOn', 'theme', 'attendanceCount']);
      const saved = await em.save(entity);
      await audit(em, 'UPDATE', 'NetworkEvent', saved.id, changed);
      return toModel(saved);
    });
  }
}

function toModel(e: NetworkEventEntity): NetworkEvent {
  return { id: e.id, heldOn: e.heldOn, theme: e.theme, attendanceCount: e.attendanceCount, version: e.version };
}
