export { FaultLogScreen } from './FaultLogScreen.tsx';
