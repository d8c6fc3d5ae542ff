/** An extension's published rules: its registration and transfer schemas, cached by ETag. */
import * as schema from "../schemas";
import { ApiArea } from "./area";

/** Get Extension's answer: the extension's rules, or "unchanged" for a matching If-None-Match. */
export type ExtensionAnswer = { notModified: true } | { notModified: false; etag?: string; extension: schema.Extension };

export class ExtensionsApi extends ApiArea {
  async getExtension(extension: string, options: { ifNoneMatch?: string; accountId?: string } = {}): Promise<ExtensionAnswer> {
    const answer = await this.send({
      endpoint: "get extension",
      method: "GET",
      path: this.registrar(options.accountId, `/extensions/${encodeURIComponent(extension)}`),
      headers: options.ifNoneMatch ? { "if-none-match": options.ifNoneMatch } : undefined,
      idempotent: true,
    });
    if (answer.status === 304) return { notModified: true };
    return { notModified: false, etag: answer.etag, extension: schema.parseResponse(schema.extension, answer.body.result, "get extension") };
  }
}
