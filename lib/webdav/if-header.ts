import { AppError } from "@/lib/errors";

export type IfCondition = { not: boolean; token?: string; etag?: string };
/** One parenthesised list of an If header, for a tagged resource (a URL) or the request's own (null). */
export type IfList = { resource: string | null; conditions: IfCondition[] };

/** Parses an RFC 4918 §10.4 If header into its lists; `bad_request` when malformed. */
export function parseIfHeader(header: string): IfList[] {
  const lists: IfList[] = [];
  let resource: string | null = null;
  let at = 0;
  const fail = (): never => {
    throw new AppError("bad_request", "Malformed If header.");
  };
  const skip = () => {
    while (/\s/.test(header[at] ?? "")) at += 1;
  };
  const until = (end: string) => {
    const close = header.indexOf(end, at);
    if (close < 0) fail();
    const text = header.slice(at, close);
    at = close + 1;
    return text;
  };
  for (skip(); at < header.length; skip()) {
    if (header[at] === "<") {
      at += 1;
      resource = until(">");
      continue;
    }
    if (header[at] !== "(") fail();
    at += 1;
    const conditions: IfCondition[] = [];
    for (skip(); header[at] !== ")"; skip()) {
      if (at >= header.length) fail();
      let not = false;
      if (/^not\b/i.test(header.slice(at))) {
        not = true;
        at += 3;
        skip();
      }
      if (header[at] === "<") {
        at += 1;
        conditions.push({ not, token: until(">") });
      } else if (header[at] === "[") {
        at += 1;
        conditions.push({ not, etag: until("]") });
      } else fail();
    }
    at += 1;
    if (conditions.length === 0) fail();
    lists.push({ resource, conditions });
  }
  if (lists.length === 0) fail();
  return lists;
}

/** What a condition is checked against: the resource's current ETag and the tokens of the locks on it. */
export type IfState = { etag: string | null; tokens: string[] };

/** True when any list holds (every condition of it, each for its resource). */
export function evaluateIf(lists: IfList[], stateOf: (resource: string | null) => IfState): boolean {
  return lists.some((list) => {
    const state = stateOf(list.resource);
    return list.conditions.every((c) => {
      const holds = c.token !== undefined ? state.tokens.includes(c.token) : state.etag !== null && weakless(c.etag!) === weakless(state.etag);
      return holds !== c.not;
    });
  });
}

/** The lock tokens a request submits (every token named in its If header, outside a Not). */
export function submittedTokens(lists: IfList[]): string[] {
  return lists.flatMap((l) => l.conditions.filter((c) => !c.not && c.token).map((c) => c.token!));
}

const weakless = (etag: string) => etag.replace(/^W\//, "");
