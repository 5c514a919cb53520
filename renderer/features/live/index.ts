export { AskExpert } from './AskExpert.tsx';
export { LiveScreen } from './LiveScreen.tsx';
