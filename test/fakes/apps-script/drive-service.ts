// The Advanced Drive service v3 (global `Drive`): Permissions.create and list on the fake spreadsheet's file, refusing what Drive refuses.
import { counted } from './calls';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeWorld } from './world';

type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type Collection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;

/** Fields of a Permission a client may send (drive v3 discovery document; the rest are output only). */
const WRITABLE = new Set([
  'role',
  'type',
  'emailAddress',
  'domain',
  'allowFileDiscovery',
  'expirationTime',
  'view',
  'pendingOwner',
]);
const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const TYPES = ['user', 'group', 'domain', 'anyone'];
/** Query parameters of permissions.create. */
const CREATE_PARAMETERS = new Set([
  'emailMessage',
  'enforceExpansiveAccess',
  'enforceSingleParent',
  'moveToNewOwnersRoot',
  'sendNotificationEmail',
  'supportsAllDrives',
  'supportsTeamDrives',
  'transferOwnership',
  'useDomainAdminAccess',
  'fields',
]);
const LIST_PARAMETERS = new Set([
  'includePermissionsForView',
  'pageSize',
  'pageToken',
  'supportsAllDrives',
  'supportsTeamDrives',
  'useDomainAdminAccess',
  'fields',
]);

const failure = (method: string, message: string): Error =>
  new Error(`API call to drive.permissions.${method} failed with error: ${message}`);

function checkParameters(
  method: string,
  args: Record<string, unknown> | undefined,
  known: Set<string>,
): void {
  for (const key of Object.keys(args ?? {}))
    if (!known.has(key)) throw failure(method, `Invalid argument: unknown parameter '${key}'.`);
}

export class FakeDriveService {
  readonly Permissions: Pick<Collection, 'create' | 'list'>;

  constructor(
    private readonly world: FakeWorld,
    private readonly spreadsheet: FakeSpreadsheet,
  ) {
    this.Permissions = counted(
      {
        create: (resource: Permission, fileId: string, optionalArgs?: Record<string, unknown>) =>
          this.create(resource, fileId, optionalArgs),
        list: (fileId: string, optionalArgs?: Record<string, unknown>) => this.list(fileId, optionalArgs),
      },
      world.calls,
      'Drive.Permissions',
    ) as Pick<Collection, 'create' | 'list'>;
  }

  private checkFile(method: string, fileId: string): void {
    if (fileId !== this.spreadsheet.getId()) throw failure(method, `File not found: ${fileId}.`);
  }

  private create(resource: Permission, fileId: string, args?: Record<string, unknown>): Permission {
    this.checkFile('create', fileId);
    checkParameters('create', args, CREATE_PARAMETERS);
    for (const key of Object.keys(resource ?? {}))
      if (!WRITABLE.has(key))
        throw failure('create', `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
    if (!resource?.role || !ROLES.includes(resource.role))
      throw failure(
        'create',
        `The permission role field is required and must be one of ${ROLES.join(', ')}.`,
      );
    if (!resource.type || !TYPES.includes(resource.type))
      throw failure(
        'create',
        `The permission type field is required and must be one of ${TYPES.join(', ')}.`,
      );
    const email = (resource.emailAddress ?? '').toLowerCase();
    if ((resource.type === 'user' || resource.type === 'group') && email === '')
      throw failure('create', "The permission emailAddress field is required for type 'user'.");
    const acting = this.world.activeUser.toLowerCase();
    if (!this.world.isOwner(acting) && !this.spreadsheet.collaborators.has(acting))
      throw failure('create', `The user does not have sufficient permissions for this file.`);
    const domain = this.world.sharingDomain;
    // Drive's 400 invalidSharingRequest for an address the organisation's sharing policy blocks (the
    // words Drive clients report; not checked against a live Workspace domain).
    if (domain && !email.endsWith(`@${domain}`))
      throw failure('create', 'Bad Request. User message: "ACL change not allowed."');
    const notify = args?.sendNotificationEmail !== false;
    if (this.world.noGoogleAccount.has(email) && !notify)
      throw failure(
        'create',
        `Bad Request. User message: "You are trying to invite ${email}. Since there is no Google account associated with this email address, you must check the "Notify people" box to invite this recipient."`,
      );
    if (notify) this.world.shareNotifications.push(email);
    if (!this.world.isOwner(email)) this.spreadsheet.collaborators.add(email);
    return { id: `perm-${email}` };
  }

  private list(
    fileId: string,
    args?: Record<string, unknown>,
  ): GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList {
    this.checkFile('list', fileId);
    checkParameters('list', args, LIST_PARAMETERS);
    return {
      permissions: [
        { id: `perm-${this.world.owner}`, type: 'user', role: 'owner', emailAddress: this.world.owner },
        ...[...this.spreadsheet.collaborators].map((email) => ({
          id: `perm-${email}`,
          type: 'user',
          role: 'writer',
          emailAddress: email,
        })),
      ],
    };
  }
}
