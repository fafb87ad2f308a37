import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MembershipStatus } from '../membership/membership-status';
import { IsLocalDate } from '@lahde/platform/errors';
import { ReviewOutcome } from './review-outcome';

@ObjectType()
export class ReviewCounts {
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'Not decided yet.' }) open: number;
  @Field(() => Int) confirmed: number;
  @Field(() => Int) changed: number;
  @Field(() => Int) gone: number;
}

@ObjectType({ description: "A county's yearly (February) review: one item per member who was ACTIVE or ON_LEAVE when it opened." })
export class ReviewRound {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field() openedOn: string;
  @Field(() => String, { nullable: true, description: 'Null while the round is open.' }) closedOn: string | null;
  @Field(() => ReviewCounts) counts: ReviewCounts;
}

@ObjectType({ description: 'One member in a review round and what was decided about them.' })
export class ReviewItem {
  @Field(() => ID) roundId: string;
  @Field(() => ID) membershipId: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => String, { nullable: true }) unitName: string | null;
  @Field(() => MembershipStatus, { description: "The membership's status now." }) currentStatus: MembershipStatus;
  @Field(() => ReviewOutcome, { nullable: true, description: 'Null while the item is open.' }) outcome: ReviewOutcome | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

@ArgsType()
export class ReviewYearArgs {
  @Field(() => Int) @IsInt() @Min(2020) @Max(2100) year: number;
}

@ArgsType()
export class CloseReviewRoundArgs extends ReviewYearArgs {
  @Field({ defaultValue: false, description: 'Close although some items are still open; they stay open (undecided) in the history.' })
  @IsBoolean()
  force: boolean = false;
}

@InputType()
export class DecideReviewItemInput {
  @Field(() => ID) @IsUUID() roundId: string;
  @Field(() => ID) @IsUUID() membershipId: string;
  @Field(() => ReviewOutcome) @IsEnum(ReviewOutcome) outcome: ReviewOutcome;
  @Field(() => MembershipStatus, { nullable: true, description: 'CHANGED: ACTIVE or ON_LEAVE; GONE: LEFT_ROLE or LEFT_ORGANISATION; CONFIRMED: none.' })
  @IsOptional()
  @IsEnum(MembershipStatus)
  newStatus?: MembershipStatus | null;
  @Field(() => String, { nullable: true, description: 'When the new status took effect, YYYY-MM-DD; today if not given.' })
  @IsOptional()
  @IsLocalDate()
  effectiveOn?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 500 characters; never client data.' }) @IsOptional() @IsString() @MaxLength(500) note?: string | null;
}
