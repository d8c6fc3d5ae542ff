import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as it crossed the wire, with its JSON body parsed. */
export interface Sent {
  method: string;
  path: string;
  body: any;
}

/** Change an answer on its way back: return the body to send instead (the status is kept). */
export type Rewrite = (req: Sent, status: number, body: any) => any;

export interface WireTap {
  /** The API base URL to give the client: this tap, on the simulator's path. */
  baseUrl: string;
  sent: Sent[];
  stop(): Promise<void>;
}

/**
 * A loopback proxy in front of the simulator: records every request body exactly as the client sent it,
 * and may rewrite an answer, for what the simulator does not model (an unreadable schema, a workflow
 * without its context). The provider still speaks real HTTP to a real server.
 */
export async function wireTap(simBaseUrl: string, rewrite?: Rewrite): Promise<WireTap> {
  const target = new URL(simBaseUrl);
  const sent: Sent[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const entry: Sent = { method: req.method ?? "GET", path: req.url ?? "/", body: raw ? JSON.parse(raw) : undefined };
      sent.push(entry);
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent: false },
        (up) => {
          const back: Buffer[] = [];
          up.on("data", (c: Buffer) => back.push(c));
          up.on("end", () => {
            let text = Buffer.concat(back).toString("utf8");
            if (rewrite && text) text = JSON.stringify(rewrite(entry, up.statusCode ?? 0, JSON.parse(text)));
            const headers = { ...up.headers };
            delete headers["content-length"];
            delete headers["transfer-encoding"];
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(text);
          });
        },
      );
      upstream.on("error", () => res.destroy());
      upstream.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname}`,
    sent,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
