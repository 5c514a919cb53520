export { ReviewsScreen } from './ReviewsScreen.tsx';
export { ReviewActions } from './ReviewActions.tsx';
