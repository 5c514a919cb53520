/** `auscult hub …`: the hub's own commands (migrate, add-user), parsed. */
import { isRole, ROLES } from '../hub/people.ts';
import type { Role } from '../hub/people.ts';
import { parse } from './options.ts';
import { UsageError } from './errors.ts';

export type HubArgs =
  | { command: 'hub'; action: 'migrate'; databaseUrl: string }
  | {
      command: 'hub';
      action: 'add-user';
      databaseUrl: string;
      name: string;
      role: Role;
      plants: string[];
      passwordFile: string;
    };

const ACTIONS = ['migrate', 'add-user'];

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
