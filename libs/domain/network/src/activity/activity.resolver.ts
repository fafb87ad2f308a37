import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { Activity, ActivityConnection, ActivityListArgs, DeleteActivityInput, LogActivityInput, UpdateActivityInput } from './activity.models';
import { ActivityService } from './activity.service';

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(private readonly activityService: ActivityService) {}

  @Query(() => ActivityConnection, { description: "Logged activities, newest first. Key workers and trainers see their own; coordinators everyone's." })
  @Can('read', 'Activity')
  activities(@Args() args: ActivityListArgs) {
    return this.activityService.list(args);
  }

  @Mutation(() => Activity, { description: 'Logs an activity of yours (coordinators: of anyone, with `personId`). No client data.' })
  @Can('create', 'Activity')
  logActivity(@Args('input') input: LogActivityInput) {
    return this.activityService.log(input);
  }

  @Mutation(() => Activity, { description: 'Changes one of your activities (coordinators: any); CONFLICT on a stale `version`.' })
  @Can('update', 'Activity')
  updateActivity(@Args('input') input: UpdateActivityInput) {
    return this.activityService.update(input);
  }

  @Mutation(() => ID, { description: 'Deletes one of your activities (coordinators: any) and answers its id; CONFLICT on a stale `version`.' })
  @Can('delete', 'Activity')
  deleteActivity(@Args('input') input: DeleteActivityInput) {
    return this.activityService.delete(input);
  }
}
