/**
 * Header carrying the TCP peer address. Our HTTP server (scripts/serve.ts) deletes any incoming
 * copy and sets it from the socket, so route handlers can trust it.
 */
export const PEER_HEADER = "x-albums-peer";

/** True for 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function isLoopback(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, "");
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}
