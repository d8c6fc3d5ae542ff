/** Where a write stands: each write's status endpoint, and a workflow's own link. All read-only. */
import type * as schema from "../schemas";
import { ApiArea } from "./area";

export class WorkflowsApi extends ApiArea {
  async registrationStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    return this.status("registration-status", domain, accountId);
  }

  async updateStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    return this.status("update-status", domain, accountId);
  }

  async transferInStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    return this.status("transfer-in-status", domain, accountId);
  }

  /** The transport refuses a link off the API's origin, so credentials never follow one. */
  async followWorkflow(link: string): Promise<schema.WorkflowStatus> {
    const answer = await this.send({ endpoint: "workflow status", method: "GET", path: link, idempotent: true });
    return this.parseWorkflow(answer, "workflow status");
  }

  /** The endpoint's name is also its path under the registration. */
  private async status(endpoint: "registration-status" | "update-status" | "transfer-in-status", domain: string, accountId?: string) {
    const answer = await this.send({ endpoint, method: "GET", path: this.registrationPath(domain, accountId, `/${endpoint}`), idempotent: true, domain });
    return this.parseWorkflow(answer, endpoint);
  }
}
