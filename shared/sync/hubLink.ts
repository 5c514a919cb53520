/**
 * The desktop's link to a hub as the page sees it (hubLink.* of AuscultApi; docs/sync.md). Texts
 * are the page's: a problem travels as a code with params.
 */

/** Why the last sync did not finish, or what it could not take. */
export type HubLinkProblemCode =
  /** No answer, a cut connection or a server error; retried with a growing pause. */
  | 'hub-unreachable'
  /** The hub refused this device (its token was revoked): connect again. */
  | 'hub-refused'
  /** Another answer the protocol does not expect: params.status (the HTTP status). */
  | 'hub-error'
  /** The hub could not read the rows sent (400): it runs an older Auscult; params.status. */
  | 'hub-outdated'
  /**
   * The last sync finished, but params.count rows from the hub were skipped: they carry a table
   * or column this version does not know (the hub runs a newer Auscult).
   */
  | 'rows-unreadable';

export interface HubLinkProblem {
  readonly code: HubLinkProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface HubLinkStatus {
  /** The hub's URL, or null when this library is not linked. */
  readonly hubUrl: string | null;
  /** Who signed in to link it. */
  readonly userName: string | null;
  readonly plantId: string | null;
  /** Rows written here that the hub has not taken yet. */
  readonly pendingRows: number;
  /** Audio of the recordings among them, in bytes. */
  readonly pendingAudioBytes: number;
  /** When the last complete sync ended (ISO 8601), or null. */
  readonly lastSyncAt: string | null;
  readonly syncing: boolean;
  readonly lastError: HubLinkProblem | null;
}

export interface HubConnectInput {
  readonly url: string;
  readonly name: string;
  readonly password: string;
  /** Needed when the person belongs to several plants. */
  readonly plantId?: string;
}

/** Linked, or: the person belongs to several plants, pick one and connect again. */
export type HubConnectResult =
  | { readonly linked: true; readonly status: HubLinkStatus }
  | { readonly linked: false; readonly plantIds: readonly string[] };
