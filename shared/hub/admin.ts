/**
 * The hub's admin wire types: what node/hub/adminRoutes.ts answers and the admin screen
 * (renderer/features/admin) reads. Declared once so the two sides cannot drift apart.
 */

export const ROLES = ['technician', 'expert', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A user as the admin screen lists them: no password hash, no token. */
export interface AdminUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The plants the user works for (every plant for an admin is implied, not listed). */
  readonly plantIds: readonly string[];
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface AdminPlant {
  readonly id: string;
  readonly name: string;
}

/** One device token of a user, named by an id derived from its digest (never the digest). */
export interface AdminDevice {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly revoked: boolean;
}

export interface AuditLine {
  readonly seq: number;
  readonly at: string;
  /** The acting user's name, or null (the command line, a failed sign-in of no account). */
  readonly userName: string | null;
  readonly action: string;
  readonly address: string;
  readonly detail: Record<string, unknown>;
}

/** A page of the audit log, newest first; `nextBeforeSeq` asks for the next older page. */
export interface AuditPage {
  readonly lines: readonly AuditLine[];
  readonly nextBeforeSeq: number | null;
}
