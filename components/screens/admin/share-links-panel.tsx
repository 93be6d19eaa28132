"use client";
import { ShareLinkList } from "../../share/share-links";
import { SharePublicUrlForm } from "../../share/share-public-url-form";
import { Panel } from "./panel";

/** Where guests open links, and every share link of the library (albums and selections): state, use, revoke. */
export function ShareLinksPanel() {
  return (
    <Panel title="Share links" id="share-links">
      <SharePublicUrlForm />
      <ShareLinkList />
    </Panel>
  );
}
