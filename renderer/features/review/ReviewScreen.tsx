import { RecordingPicker } from './RecordingPicker.tsx';
import { ReviewPage } from './ReviewPage.tsx';
import { useRecordingCatalogue } from './useRecordingCatalogue.ts';

export interface ReviewScreenProps {
  /** The recording to review (from `#/review/<id>`), or null to choose one. */
  readonly recordingId: string | null;
  /** The location hash that opens a recording's review. */
  readonly hrefFor: (recordingId: string) => string;
  /** The location hash of the list of recordings. */
  readonly listHref: string;
}

function Picker({ hrefFor }: { hrefFor: ReviewScreenProps['hrefFor'] }) {
  const catalogue = useRecordingCatalogue();
  return <RecordingPicker catalogue={catalogue.data} error={catalogue.error} hrefFor={hrefFor} />;
}

/** The Review screen: the list of recordings, or one recording under review. */
export function ReviewScreen({ recordingId, hrefFor, listHref }: ReviewScreenProps) {
  return recordingId === null ? (
    <Picker hrefFor={hrefFor} />
  ) : (
    <ReviewPage key={recordingId} recordingId={recordingId} listHref={listHref} />
  );
}
