/**
 * The hub's admin routes (node/hub/adminRoutes.ts) as functions: JSON over fetch, on the page's
 * own origin with its session cookie. A refusal rejects with AdminError and the HTTP status.
 */
import type {
  AdminDevice,
  AdminPlant,
  AdminUser,
  AuditPage,
  Role,
} from '../../../shared/hub/admin.ts';

export class AdminError extends Error {
  override readonly name = 'AdminError';
  readonly status: number;
  constructor(status: number) {
    super(`the hub answered ${status}`);
    this.status = status;
  }
}

async function request<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/hub/admin/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new AdminError(response.status);
  return ((await response.json()) as { result: T }).result;
}

export const adminClient = {
  users: () => request<AdminUser[]>('users'),
  addUser: (user: { name: string; role: Role; password: string; plantIds: string[] }) =>
    request<Omit<AdminUser, 'createdAt'>>('users', user),
  setDisabled: (userId: string, disabled: boolean) =>
    request<null>('users/disabled', { userId, disabled }),
  setUserPlants: (userId: string, plantIds: string[]) =>
    request<null>('users/plants', { userId, plantIds }),
  plants: () => request<AdminPlant[]>('plants'),
  addPlant: (name: string) => request<AdminPlant>('plants', { name }),
  renamePlant: (plantId: string, name: string) =>
    request<AdminPlant>('plants/rename', { plantId, name }),
  devices: (userId: string) =>
    request<AdminDevice[]>(`devices?userId=${encodeURIComponent(userId)}`),
  revokeDevices: (userId: string, deviceId: string | null) =>
    request<{ revoked: number }>('devices/revoke', { userId, deviceId }),
  audit: (beforeSeq: number | null) =>
    request<AuditPage>(`audit?limit=50${beforeSeq === null ? '' : `&before=${beforeSeq}`}`),
};

/** The translation key of why an admin request failed. */
export function adminErrorKey(error: unknown): string {
  if (error instanceof AdminError && error.status === 400) return 'admin.errors.invalid';
  if (error instanceof AdminError && (error.status === 401 || error.status === 403)) {
    return 'admin.errors.forbidden';
  }
  return 'admin.errors.failed';
}
