import { apiKeyContracts } from "./api-keys";
import { auditContracts } from "./audit";
import { dncContracts } from "./dnc";
import { memberContracts } from "./members";
import { webhookContracts } from "./webhooks";

/** Every API operation by name; the name is its OpenAPI `operationId`. */
export const API_CONTRACTS = { ...dncContracts, ...apiKeyContracts, ...auditContracts, ...memberContracts, ...webhookContracts };
