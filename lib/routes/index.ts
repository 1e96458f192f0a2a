import "server-only";
import { createApiKeyRoute, listApiKeysRoute, revokeApiKeyRoute } from "./api-keys";
import { listAuditEventsRoute } from "./audit";
import {
  changeMemberRoleRoute,
  inviteMemberRoute,
  listInvitationsRoute,
  listMembersRoute,
  removeMemberRoute,
  revokeInvitationRoute,
} from "./members";
import { addEntriesRoute, addEntryRoute, checkEntryRoute, deleteEntryRoute, listEntriesRoute } from "./dnc";

/** Every API operation, for the OpenAPI document. */
export const API_ROUTES = [
  listEntriesRoute,
  addEntryRoute,
  checkEntryRoute,
  addEntriesRoute,
  deleteEntryRoute,
  listApiKeysRoute,
  createApiKeyRoute,
  revokeApiKeyRoute,
  listAuditEventsRoute,
  listMembersRoute,
  changeMemberRoleRoute,
  removeMemberRoute,
  listInvitationsRoute,
  inviteMemberRoute,
  revokeInvitationRoute,
];
