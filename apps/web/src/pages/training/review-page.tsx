import { Route } from '../../routing';
import { ReviewRoundView } from './review-round';
import { ReviewRounds } from './review-rounds';
import './training.css';

/** The yearly (February) review: `#/review` lists the rounds, `#/review/<year>` goes through one. */
export function ReviewPage({ route }: { route: Route }) {
  const year = Number(route.segments[1]);
  if (Number.isInteger(year) && year > 0) return <ReviewRoundView key={year} year={year} />;
  return <ReviewRounds />;
}
