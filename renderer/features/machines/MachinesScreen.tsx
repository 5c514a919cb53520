import type { Route } from '../../app/route.ts';
import { EditMachinePage, NewMachinePage } from './MachineEditorPage.tsx';
import { MachineDetailPage } from './MachineDetailPage.tsx';
import { MachineList } from './MachineList.tsx';
import { useMachineList } from './useMachines.ts';

type MachinesRoute = Extract<Route, { screen: 'machines' }>;

function MachineListPage({ navigate }: { navigate: (route: Route) => void }) {
  const machines = useMachineList();
  return (
    <MachineList
      machines={machines.data}
      error={machines.error}
      onOpen={(machineId) => navigate({ screen: 'machines', view: 'detail', machineId })}
      onNew={() => navigate({ screen: 'machines', view: 'new' })}
    />
  );
}

/** The Machines screen: the list, one machine's page, or the machine form. */
export function MachinesScreen({
  route,
  navigate,
}: {
  route: MachinesRoute;
  navigate: (route: Route) => void;
}) {
  const toList = () => navigate({ screen: 'machines', view: 'list' });
  const toDetail = (machineId: string) =>
    navigate({ screen: 'machines', view: 'detail', machineId });
  switch (route.view) {
    case 'list':
      return <MachineListPage navigate={navigate} />;
    case 'new':
      return <NewMachinePage onSaved={(m) => toDetail(m.id)} onCancel={toList} />;
    case 'edit':
      return (
        <EditMachinePage
          machineId={route.machineId}
          onSaved={(m) => toDetail(m.id)}
          onCancel={() => toDetail(route.machineId)}
        />
      );
    case 'detail':
      return (
        <MachineDetailPage
          key={route.machineId}
          machineId={route.machineId}
          onEdit={() => navigate({ screen: 'machines', view: 'edit', machineId: route.machineId })}
          onBack={toList}
        />
      );
  }
}
