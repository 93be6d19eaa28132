import { requestNonce } from "./request-nonce";

/**
 * A page's first date or number formatter loads the browser's locale data: ~30–60 ms of main
 * thread on this box, wherever it happens. Built by this script in <head>, before the first
 * paint, it no longer lands in the middle of the timeline's first render as a long task after it
 * (every later formatter, components/format.ts, is built in well under a millisecond).
 */
export const FORMAT_WARM_UP_SCRIPT = `try{new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}).format(0)}catch(e){}`;

/** The warm-up as an inline script with this response's CSP nonce (for the root layout's <head>). */
export async function FormatWarmUp() {
  return <script nonce={await requestNonce()} dangerouslySetInnerHTML={{ __html: FORMAT_WARM_UP_SCRIPT }} />;
}
