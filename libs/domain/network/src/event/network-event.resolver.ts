import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { CreateNetworkEventInput, NetworkEvent, NetworkEventListArgs, UpdateNetworkEventInput } from './network-event.models';
import { NetworkEventService } from './network-event.service';

@Resolver(() => NetworkEvent)
export class NetworkEventResolver {
  constructor(private readonly networkEventService: NetworkEventService) {}

  @Query(() => [NetworkEvent], { description: "Your county's network events in date order, optionally between `from` and `to`." })
  @Can('read', 'NetworkEvent')
  networkEvents(@Args() args: NetworkEventListArgs) {
    return this.networkEventService.list(args);
  }

  @Mutation(() => NetworkEvent)
  @Can('create', 'NetworkEvent')
  createNetworkEvent(@Args('input') input: CreateNetworkEventInput) {
    return this.networkEventService.create(input);
  }

  @Mutation(() => NetworkEvent, { description: 'Changes an event, e.g. its attendance afterwards; CONFLICT on a stale `version`.' })
  @Can('update', 'NetworkEvent')
  updateNetworkEvent(@Args('input') input: UpdateNetworkEventInput) {
    return this.networkEventService.update(input);
  }
}
