export { AskExpert } from './AskExpert.tsx';
export { LiveScreen } from './LiveScreen.tsx';
export { mayAsk, mayJoin, useHubUser } from './hubUser.ts';
