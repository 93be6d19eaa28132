import "server-only";
import { headers } from "next/headers";

/** This response's CSP nonce (lib/http/security-headers.ts puts it in the request's policy header), for an inline script. */
export async function requestNonce(): Promise<string | undefined> {
  return /'nonce-([^']+)'/.exec((await headers()).get("content-security-policy") ?? "")?.[1];
}
