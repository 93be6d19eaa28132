const REDACTED = "[redacted]";

// Keys whose values are secrets wherever they appear in a logged JSON object or header dump.
const SECRET_KEYS = String.raw`pass(?:word|phrase)?|token|api[_-]?token|apiKey|api[_-]?key|secret|cookie|set-cookie|authorization|share[_-]?token`;

const PATTERNS: [RegExp, string][] = [
  // "passphrase":"…", "token": "…" (JSON fields, any nesting)
  [new RegExp(String.raw`("(?:[\w-]*?)(?:${SECRET_KEYS})")\s*:\s*"(?:[^"\\]|\\.)*"`, "gi"), `$1:"${REDACTED}"`],
  // Authorization: Bearer xyz / Basic xyz
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  // Cookie headers: name=value pairs after cookie:
  [/\b((?:set-)?cookie)\s*[:=]\s*[^\n"]+/gi, `$1: ${REDACTED}`],
  // Session cookies anywhere (albums-session=…, __Host-albums-session=…)
  [/((?:__Host-)?albums-session)=[^;\s"]+/g, `$1=${REDACTED}`],
  // Passwords in URLs: scheme://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"]+):[^@/\s"]+@/gi, `$1:${REDACTED}@`],
  // Tokens in query strings: ?token=…, &access_token=…, ?key=…
  [/([?&](?:[\w-]*token|key|secret|passphrase|password)=)[^&\s"]+/gi, `$1${REDACTED}`],
  // Share links: /s/<token>, /share/<token>, /api/share/<token>
  [/(\/(?:api\/)?(?:s|share|shares)\/)[A-Za-z0-9_-]{16,}/g, `$1${REDACTED}`],
];

/**
 * A log line without secrets: the given secret values (the API token, passwords from the config)
 * wherever they appear, then by pattern passphrases, tokens, cookies, Authorization headers,
 * passwords in URLs and share-link tokens. Runs on every line before it reaches the log file.
 */
export function redactSecrets(line: string, secrets: string[] = []): string {
  let out = line;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
