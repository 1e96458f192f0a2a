import "server-only";
import { createApiKeyRoute, listApiKeysRoute, revokeApiKeyRoute } from "./api-keys";
import { listAuditEventsRoute, verifyAuditChainRoute } from "./audit";
import { createClientRoute, deleteClientRoute, listClientsRoute, updateClientRoute } from "./clients";
import {
  changeMemberRoleRoute,
  inviteMemberRoute,
  listInvitationsRoute,
  listMembersRoute,
  removeMemberRoute,
  revokeInvitationRoute,
} from "./members";
import { getTeamSettingsRoute, updateTeamSettingsRoute } from "./team";
import {
  addAliasRoute,
  addEntriesRoute,
  addEntryRoute,
  checkEntriesRoute,
  checkEntryRoute,
  deleteEntryRoute,
  entryFacetsRoute,
  listChangesRoute,
  listEntriesRoute,
  listRemovedEntriesRoute,
  removeAliasRoute,
  restoreEntryRoute,
  verifyApiKeyRoute,
} from "./dnc";
import {
  createWebhookRoute,
  deleteWebhookRoute,
  listDeliveriesRoute,
  listWebhooksRoute,
  resendDeliveryRoute,
  updateWebhookRoute,
} from "./webhooks";

/** Every API operation, once: the OpenAPI document describes them and the contract tests walk them. */
export const API_ROUTES = [
  listEntriesRoute,
  addEntryRoute,
  checkEntryRoute,
  checkEntriesRoute,
  addEntriesRoute,
  deleteEntryRoute,
  restoreEntryRoute,
  addAliasRoute,
  removeAliasRoute,
  listRemovedEntriesRoute,
  entryFacetsRoute,
  listChangesRoute,
  verifyApiKeyRoute,
  listApiKeysRoute,
  createApiKeyRoute,
  revokeApiKeyRoute,
  listAuditEventsRoute,
  verifyAuditChainRoute,
  listMembersRoute,
  changeMemberRoleRoute,
  removeMemberRoute,
  listInvitationsRoute,
  inviteMemberRoute,
  revokeInvitationRoute,
  listWebhooksRoute,
  createWebhookRoute,
  updateWebhookRoute,
  deleteWebhookRoute,
  listDeliveriesRoute,
  resendDeliveryRoute,
  getTeamSettingsRoute,
  updateTeamSettingsRoute,
  listClientsRoute,
  createClientRoute,
  updateClientRoute,
  deleteClientRoute,
];
