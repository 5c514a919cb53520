import { useTranslation } from 'react-i18next';
import { FaultLogScreen } from '../features/faultLog/index.ts';
import { LiveScreen, mayJoin, useHubUser } from '../features/live/index.ts';
import { MachinesScreen } from '../features/machines/index.ts';
import { RecordScreen } from '../features/record/index.ts';
import { ReviewScreen } from '../features/review/index.ts';
import { ReviewsScreen } from '../features/reviews/index.ts';
import { HubLinkPanel, LanguageSelector, useLanguageSetting } from '../features/settings/index.ts';
import { formatRoute, HUB_SCREENS, SCREENS } from './route.ts';
import type { Route, Screen } from './route.ts';
import { useFileDropGuard } from './useFileDropGuard.ts';
import { useRoute } from './useRoute.ts';

const NAV_KEYS: Readonly<Record<Screen, string>> = {
  machines: 'nav.machines',
  record: 'nav.record',
  review: 'nav.review',
  'fault-log': 'nav.faultLog',
  live: 'nav.live',
  reviews: 'nav.reviews',
};

function ScreenFor({ route, navigate }: { route: Route; navigate: (route: Route) => void }) {
  switch (route.screen) {
    case 'machines':
      return <MachinesScreen route={route} navigate={navigate} />;
    case 'record':
      return (
        <RecordScreen
          reviewHrefFor={(recordingId) => formatRoute({ screen: 'review', recordingId })}
        />
      );
    case 'review':
      return (
        <ReviewScreen
          recordingId={'recordingId' in route ? route.recordingId : null}
          hrefFor={(recordingId) => formatRoute({ screen: 'review', recordingId })}
          listHref={formatRoute({ screen: 'review' })}
        />
      );
    case 'live':
      return <LiveScreen />;
    case 'reviews':
      return (
        <ReviewsScreen
          reviewHrefFor={(recordingId) => formatRoute({ screen: 'review', recordingId })}
        />
      );
    case 'fault-log':
      return (
        <FaultLogScreen
          entryId={'entryId' in route ? route.entryId : null}
          hrefFor={(entryId) => formatRoute({ screen: 'fault-log', entryId })}
          listHref={formatRoute({ screen: 'fault-log' })}
          reviewHrefFor={(recordingId) => formatRoute({ screen: 'review', recordingId })}
        />
      );
  }
}

/** The page: the app bar with navigation and language, and the current screen. */
export function App() {
  const { t } = useTranslation();
  const [route, navigate] = useRoute();
  const language = useLanguageSetting();
  useFileDropGuard();
  // "Live requests" is for the experts of a hub: the laptop has no calls to join.
  const screens = mayJoin(useHubUser()) ? [...SCREENS, ...HUB_SCREENS] : SCREENS;
  return (
    <div className="app">
      <header className="app-bar">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {screens.map((screen) => (
              <li key={screen}>
                <a
                  href={formatRoute(screen === 'machines' ? { screen, view: 'list' } : { screen })}
                  aria-current={route.screen === screen ? 'page' : undefined}
                >
                  {t(NAV_KEYS[screen])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSelector language={language.language} onChange={language.setLanguage} />
        <HubLinkPanel />
      </header>
      <main>
        <ScreenFor route={route} navigate={navigate} />
      </main>
    </div>
  );
}
