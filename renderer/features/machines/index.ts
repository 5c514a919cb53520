export { MachinesScreen } from './MachinesScreen.tsx';
