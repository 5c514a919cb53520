import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../../components/FileDropZone.tsx';

/**
 * What the picker offers: WAV and the phone formats the host decodes (docs/formats.md). The
 * host reads the content, not the name, so this only filters the picker's list; a dropped file
 * of any name is sent, and the host says what it is when it is no recording.
 */
export const ACCEPTED_FILES = [
  '.wav',
  '.mp3',
  '.ogg',
  '.opus',
  '.oga',
  '.flac',
  '.amr',
  '.awb',
  '.3gp',
  '.3ga',
  '.m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/mpeg',
  'audio/ogg',
  'audio/opus',
  'audio/flac',
  'audio/amr',
  'audio/amr-wb',
  'audio/3gpp',
  'audio/mp4',
].join(',');

/** Where recordings are dropped, with the button that opens the file picker instead. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const words = {
    region: t('import.dropZone'),
    hint: t('import.dropHint'),
    choose: t('import.choose'),
    input: t('import.fileInput'),
  };
  return <FileDropZone accept={ACCEPTED_FILES} multiple words={words} onFiles={onFiles} />;
}
