import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityEntity } from './activity/activity.entity';
import { ActivityResolver } from './activity/activity.resolver';
import { ActivityService } from './activity/activity.service';
import { NetworkEventEntity } from './event/network-event.entity';
import { NetworkEventResolver } from './event/network-event.resolver';
import { NetworkEventService } from './event/network-event.service';
import { MembershipEntity } from './membership/membership.entity';
import { MembershipResolver } from './membership/membership.resolver';
import { MembershipService } from './membership/membership.service';
import { ReviewRoundEntity } from './review/review-round.entity';
import { ReviewResolver } from './review/review.resolver';
import { ReviewService } from './review/review.service';

/** The key worker network: memberships with history, the yearly review, activities and network events. */
@Module({
  imports: [TypeOrmModule.forFeature([MembershipEntity, ReviewRoundEntity, ActivityEntity, NetworkEventEntity])],
  providers: [
    MembershipService,
    MembershipResolver,
    ReviewService,
    ReviewResolver,
    ActivityService,
    ActivityResolver,
    NetworkEventService,
    NetworkEventResolver,
  ],
})
export class NetworkModule {}
