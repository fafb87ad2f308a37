import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { ChangeMembershipStatusInput, Membership, MembershipConnection, MembershipListArgs } from './membership.models';
import { MembershipService } from './membership.service';

@Resolver(() => Membership)
export class MembershipResolver {
  constructor(private readonly membershipService: MembershipService) {}

  @Query(() => MembershipConnection, { description: "Members of your county's key worker network, sorted by name, filtered by status, unit or sector." })
  @Can('read', 'Membership')
  memberships(@Args() args: MembershipListArgs) {
    return this.membershipService.list(args);
  }

  @Query(() => Membership, { description: "One membership with its history. Another county's id answers NOT_FOUND, like an unknown id." })
  @Can('read', 'Membership')
  membership(@Args('id', { type: () => ID }, new UuidPipe('Membership')) id: string) {
    return this.membershipService.get(id);
  }

  @Query(() => Membership, { nullable: true, description: 'Your own membership of the network (matched by the e-mail of your sign-in), with its history.' })
  @Can('read', 'Me')
  myMembership() {
    return this.membershipService.mine();
  }

  @Mutation(() => Membership, {
    description: 'Changes a status and appends it to the history. Refused with BAD_USER_INPUT when nothing changes, CONFLICT on a stale `version`.',
  })
  @Can('update', 'Membership')
  changeMembershipStatus(@Args('input') input: ChangeMembershipStatusInput) {
    return this.membershipService.changeStatus(input);
  }
}
