import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminScreen } from '../features/admin/index.ts';
import { FaultLogScreen } from '../features/faultLog/index.ts';
import { LiveScreen } from '../features/live/index.ts';
import { MachinesScreen } from '../features/machines/index.ts';
import { QueueScreen } from '../features/queue/index.ts';
import { RecordScreen } from '../features/record/index.ts';
import { ReviewScreen } from '../features/review/index.ts';
import { ReviewsScreen } from '../features/reviews/index.ts';
import { HubLinkPanel, LanguageSelector, useLanguageSetting } from '../features/settings/index.ts';
import { formatRoute, SCREENS } from './route.ts';
import type { Route, Screen } from './route.ts';
import { useFileDropGuard } from './useFileDropGuard.ts';
import { mayJoin, reviewsDiagnoses, servedByHub, useHubUser } from '../api/hubUser.ts';
import type { HubMe } from '../api/hubUser.ts';
import { useRoute } from './useRoute.ts';

const NAV_KEYS: Readonly<Record<Screen, string>> = {
  machines: 'nav.machines',
  record: 'nav.record',
  review: 'nav.review',
  'fault-log': 'nav.faultLog',
  live: 'nav.live',
  reviews: 'nav.reviews',
  queue: 'nav.queue',
  admin: 'nav.admin',
};

/** The screens in the bar: on a hub, experts start at their queue and admins manage people. */
function screensFor(me: HubMe | null | undefined): readonly Screen[] {
  const screens = reviewsDiagnoses(me) ? (['queue', ...SCREENS] as Screen[]) : [...SCREENS];
  // "Live requests" is for the experts of a hub: the laptop has no calls to join, even linked
  // (its /hub/me then says via 'desktop-link', and mayJoin is false).
  if (mayJoin(me)) screens.push('live');
  if (servedByHub(me) && me.role === 'admin') screens.push('admin');
  return screens;
}

function ScreenFor(props: {
  route: Route;
  navigate: (route: Route) => void;
  me: HubMe | null | undefined;
}) {
  const { route, navigate, me } = props;
  switch (route.screen) {
    case 'queue':
      return (
        <QueueScreen
          reviewHrefFor={(recordingId) => formatRoute({ screen: 'review', recordingId })}
        />
      );
    case 'admin':
      // The hub refuses the admin routes to anyone else; the screen is not offered to them.
      return servedByHub(me) && me.role === 'admin' ? <AdminScreen myName={me.name} /> : null;
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
  const me = useHubUser();
  const reviewer = reviewsDiagnoses(me);
  useEffect(() => {
    // An expert opening the hub (no screen in the address) lands on their queue.
    if (reviewer && window.location.hash.replace(/^#\/?/, '') === '') {
      navigate({ screen: 'queue' });
    }
  }, [reviewer, navigate]);
  return (
    <div className="app">
      <header className="app-bar">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {screensFor(me).map((screen) => (
              <li key={screen}>
                <a
                  href={formatRoute(
                    screen === 'machines' ? { screen, view: 'list' } : ({ screen } as Route),
                  )}
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
        <ScreenFor route={route} navigate={navigate} me={me} />
      </main>
    </div>
  );
}
