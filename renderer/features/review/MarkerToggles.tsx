import { useTranslation } from 'react-i18next';
import { MARKER_COLORS } from './markerGroups.ts';
import type { MarkerGroup } from './markerGroups.ts';

export interface MarkerTogglesProps {
  readonly groups: readonly MarkerGroup[];
  readonly shown: ReadonlySet<MarkerGroup>;
  readonly onToggle: (group: MarkerGroup, shown: boolean) => void;
}

/** One checkbox per group of characteristic-frequency markers, with the group's line colour. */
export function MarkerToggles({ groups, shown, onToggle }: MarkerTogglesProps) {
  const { t } = useTranslation();
  if (groups.length === 0) return <p className="muted">{t('review.noMarkers')}</p>;
  return (
    <fieldset className="marker-toggles">
      <legend>{t('review.markers')}</legend>
      {groups.map((group) => (
        <label key={group} className="marker-toggle">
          <input
            type="checkbox"
            checked={shown.has(group)}
            onChange={(event) => onToggle(group, event.target.checked)}
          />
          <span className="swatch" style={{ backgroundColor: MARKER_COLORS[group] }} />
          {t(`markerGroups.${group}`)}
        </label>
      ))}
    </fieldset>
  );
}
