"use client";
import { ShareLinkList } from "../../share/share-links";
import { Panel } from "./panel";

/** Every share link of the library (albums and selections): state, use, revoke. */
export function ShareLinksPanel() {
  return (
    <Panel title="Share links" id="share-links">
      <ShareLinkList />
    </Panel>
  );
}
