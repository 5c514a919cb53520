export { ReviewsScreen } from './ReviewsScreen.tsx';
export { ReviewActions, useReadOnlyReview } from './ReviewActions.tsx';
