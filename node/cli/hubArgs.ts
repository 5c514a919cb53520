/** `auscult hub …`: the hub's own commands (migrate, add-user), parsed. */
import { isRole, ROLES } from '../hub/people.ts';
import type { Role } from '../hub/people.ts';
import { parse } from './options.ts';
import { UsageError } from './errors.ts';

export type HubArgs =
  | { command: 'hub'; action: 'migrate'; databaseUrl: string }
  | {
      command: 'hub';
      action: 'serve';
      databaseUrl: string;
      host: string;
      port: number;
      workFolder?: string;
      publicOrigin?: string;
      iceServersFile?: string;
    }
  | {
      command: 'hub';
      action: 'add-user';
      databaseUrl: string;
      name: string;
      role: Role;
      plants: string[];
      passwordFile: string;
    };

const ACTIONS = ['migrate', 'add-user', 'serve'];

function databaseUrl(command: string, value: unknown): string {
  const url = typeof value === 'string' ? value : '';
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new UsageError(
      `${command}: --database expects a URL postgres://user@host:port/database.`,
    );
  }
  return url;
}

export function parseHubArgs(rest: string[]): HubArgs {
  const [action, ...options] = rest;
  if (!ACTIONS.includes(action ?? '')) {
    const got = action === undefined ? 'none' : `"${action}"`;
    throw new UsageError(
      `hub: expected the subcommand ${ACTIONS.join(' or ')}, got ${got} (see auscult hub --help).`,
    );
  }
  const command = `hub ${action}`;
  if (action === 'migrate') {
    const { values, positionals } = parse(command, options, { database: { type: 'string' } });
    if (positionals.length > 0)
      throw new UsageError(`${command}: unexpected argument "${positionals[0]}".`);
    return { command: 'hub', action, databaseUrl: databaseUrl(command, values.database) };
  }
  if (action === 'serve') return parseServe(command, options);
  const { values, positionals } = parse(command, options, {
    database: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    plant: { type: 'string', multiple: true },
    'password-file': { type: 'string' },
  });
  if (positionals.length > 0)
    throw new UsageError(`${command}: unexpected argument "${positionals[0]}".`);
  if (!values.name) throw new UsageError(`${command}: --name NAME is required.`);
  if (!isRole(values.role)) {
    throw new UsageError(
      `${command}: --role expects one of ${ROLES.join(', ')}, got "${values.role ?? ''}".`,
    );
  }
  if (!values['password-file']) {
    throw new UsageError(
      `${command}: --password-file F is required (a file holding the password).`,
    );
  }
  const plants = (values.plant as string[] | undefined) ?? [];
  if (values.role !== 'admin' && plants.length === 0) {
    throw new UsageError(
      `${command}: a ${values.role} needs at least one --plant (admins see every plant).`,
    );
  }
  return {
    command: 'hub',
    action: 'add-user',
    databaseUrl: databaseUrl(command, values.database),
    name: String(values.name),
    role: values.role,
    plants,
    passwordFile: String(values['password-file']),
  };
}

function parseServe(command: string, options: string[]): HubArgs {
  const { values, positionals } = parse(command, options, {
    database: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    work: { type: 'string' },
    'public-origin': { type: 'string' },
    'ice-servers': { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument "${positionals[0]}".`);
  }
  const portText = (values.port as string | undefined) ?? '8918';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new UsageError(`${command}: --port expects a number from 0 to 65535, got "${portText}".`);
  }
  const publicOrigin = values['public-origin'] as string | undefined;
  if (publicOrigin !== undefined && !/^https?:\/\/[^/]+$/.test(publicOrigin)) {
    throw new UsageError(
      `${command}: --public-origin expects an origin such as https://hub.example.com (no path).`,
    );
  }
  return {
    command: 'hub',
    action: 'serve',
    databaseUrl: databaseUrl(command, values.database),
    host: (values.host as string | undefined) ?? '127.0.0.1',
    port,
    workFolder: values.work as string | undefined,
    publicOrigin,
    iceServersFile: values['ice-servers'] as string | undefined,
  };
}
