import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { CloseReviewRoundArgs, DecideReviewItemInput, ReviewItem, ReviewRound, ReviewYearArgs } from './review.models';
import { ReviewService } from './review.service';

@Resolver(() => ReviewRound)
export class ReviewResolver {
  constructor(private readonly reviewService: ReviewService) {}

  @Query(() => [ReviewRound], { description: "Your county's review rounds, newest first: the history of every February review." })
  @Can('read', 'Review')
  reviewRounds() {
    return this.reviewService.rounds();
  }

  @Query(() => ReviewRound, { description: 'The review round of a year, with its counts; NOT_FOUND if none was opened.' })
  @Can('read', 'Review')
  reviewRound(@Args() args: ReviewYearArgs) {
    return this.reviewService.round(args.year);
  }

  @ResolveField(() => [ReviewItem], { description: "The round's members, sorted by name; `onlyOpen` lists those still to decide." })
  @Can('read', 'Review')
  items(@Parent() round: ReviewRound, @Args('onlyOpen', { type: () => Boolean, nullable: true }) onlyOpen?: boolean | null) {
    return this.reviewService.items(round.id, onlyOpen ?? false);
  }

  @Mutation(() => ReviewRound, { description: "Opens the year's review with one item per ACTIVE or ON_LEAVE member; CONFLICT if the year has a round." })
  @Can('create', 'Review')
  openReviewRound(@Args() args: ReviewYearArgs) {
    return this.reviewService.open(args.year);
  }

  @Mutation(() => ReviewItem, {
    description: 'Decides one member: CONFIRMED keeps the status; CHANGED and GONE change it (with history, reason "Review <year>"). Refused once the round is closed.',
  })
  @Can('update', 'Review')
  decideReviewItem(@Args('input') input: DecideReviewItemInput) {
    return this.reviewService.decide(input);
  }

  @Mutation(() => ReviewRound, { description: 'Closes the round; refused with CONFLICT while items are open, unless `force: true`.' })
  @Can('update', 'Review')
  closeReviewRound(@Args() args: CloseReviewRoundArgs) {
    return this.reviewService.close(args.year, args.force);
  }
}
