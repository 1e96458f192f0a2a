import { apiKeyContracts } from "./api-keys";
import { auditContracts } from "./audit";
import { clientContracts } from "./clients";
import { dncContracts } from "./dnc";
import { memberContracts } from "./members";
import { teamContracts } from "./team";
import { webhookContracts } from "./webhooks";

/** Every API operation by name; the name is its OpenAPI `operationId`. */
export const API_CONTRACTS = {
  ...dncContracts,
  ...apiKeyContracts,
  ...auditContracts,
  ...memberContracts,
  ...webhookContracts,
  ...teamContracts,
  ...clientContracts,
};
