import { thumbHashToDataURL } from "thumbhash";
import type { GuestAsset } from "./share-link-assets";

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.4 system-ui,sans-serif;background:#111;color:#eee}
header{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;padding:.75rem 1rem}
h1{font-size:1.15rem;margin:0}a.btn,button{font:inherit;color:#111;background:#eee;border:0;border-radius:.5rem;padding:.5rem .9rem;text-decoration:none;cursor:pointer}
main.grid{display:flex;flex-wrap:wrap;gap:3px;padding:0 3px 3px}main.grid::after{content:"";flex-grow:1e4}
.tile{position:relative;display:block;background-size:cover;background-color:#222;overflow:hidden}
.tile i{display:block}.tile img{position:absolute;inset:0;width:100%;height:100%;object-fit:cover}
.tile .dur{position:absolute;right:.3rem;bottom:.3rem;font-size:.75rem;background:#0009;padding:0 .3rem;border-radius:.25rem}
#box{position:fixed;inset:0;background:#000;display:none;align-items:center;justify-content:center;touch-action:pan-y}
#box.open{display:flex}#box img,#box video{max-width:100vw;max-height:100vh;object-fit:contain}
#box nav{position:absolute;top:0;left:0;right:0;display:flex;justify-content:space-between;padding:.5rem;gap:.5rem}
.center{max-width:28rem;margin:15vh auto;padding:1rem;text-align:center}input{font:inherit;padding:.5rem;border-radius:.5rem;border:1px solid #555;width:100%;margin:.75rem 0}
.error{color:#f88}`;

function shell(title: string, nonce: string, body: string, script = ""): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${esc(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body>${body}${script ? `<script nonce="${nonce}">${script}</script>` : ""}</body></html>`;
}

/** The page of an expired, revoked or unknown link: says which, in plain words, and nothing else. */
export function gonePage(state: "expired" | "revoked" | "unknown", nonce: string): string {
  const text = { expired: "This link has expired.", revoked: "This link was turned off by the person who shared it.", unknown: "There is nothing at this address." }[state];
  return shell("Not available", nonce, `<div class="center"><h1>${text}</h1><p>Ask the person who sent it for a new link.</p></div>`);
}

/** The passphrase form of a protected link (posts to /s/{token}/unlock). */
export function lockedPage(title: string, token: string, nonce: string, error?: string): string {
  return shell(
    "Protected album",
    nonce,
    `<form class="center" method="post" action="/s/${esc(token)}/unlock"><h1>${esc(title)}</h1><p>This album is protected. Type the passphrase you were given.</p>` +
      `<label for="p">Passphrase</label><input id="p" name="passphrase" type="password" autocomplete="current-password" required autofocus>` +
      `${error ? `<p class="error" role="alert">${esc(error)}</p>` : ""}<button type="submit">Open</button></form>`,
  );
}

const LIGHTBOX = `(()=>{const items=[...document.querySelectorAll('.tile')];const box=document.getElementById('box');const stage=document.getElementById('stage');const dl=document.getElementById('dl');let at=-1;
function show(i){at=(i+items.length)%items.length;const t=items[at];stage.replaceChildren();let el;if(t.dataset.kind==='video'){el=document.createElement('video');el.controls=true;el.playsInline=true;el.src=t.dataset.original;el.poster=t.dataset.preview}else{el=document.createElement('img');el.src=t.dataset.preview;el.alt=t.dataset.alt}stage.append(el);if(dl)dl.href=t.dataset.original+'?download=1';box.classList.add('open');box.focus()}
function close(){box.classList.remove('open');stage.replaceChildren();at=-1}
items.forEach((t,i)=>t.addEventListener('click',e=>{e.preventDefault();show(i)}));
document.getElementById('close').addEventListener('click',close);document.getElementById('prev').addEventListener('click',()=>show(at-1));document.getElementById('next').addEventListener('click',()=>show(at+1));
document.addEventListener('keydown',e=>{if(at<0)return;if(e.key==='Escape')close();if(e.key==='ArrowRight')show(at+1);if(e.key==='ArrowLeft')show(at-1)});
let x0=null;box.addEventListener('pointerdown',e=>{x0=e.clientX});box.addEventListener('pointerup',e=>{if(x0===null)return;const dx=e.clientX-x0;x0=null;if(Math.abs(dx)>50)show(at+(dx<0?1:-1))});
document.querySelectorAll('.tile img').forEach(img=>{if(img.complete)img.parentElement.style.backgroundImage='none';else img.addEventListener('load',()=>{img.parentElement.style.backgroundImage='none'})})})();`;

const duration = (ms: number) => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}`;

/**
 * The guest's album page: a justified grid (rows of equal height, each photo its own width, pure
 * CSS flex), ThumbHash placeholders until each thumbnail loads, a lightbox with swipe and keys,
 * video playback, and "download all" when the link allows downloads. Nothing from another origin.
 */
export function guestPage(options: { title: string; token: string; nonce: string; assets: GuestAsset[]; allowDownload: boolean; showMetadata: boolean }): string {
  const base = `/s/${esc(options.token)}`;
  const tiles = options.assets
    .map((a) => {
      const ratio = a.width && a.height ? a.width / a.height : 1;
      const placeholder = a.thumbhash ? `background-image:url(${thumbHashToDataURL(Buffer.from(a.thumbhash, "base64"))});` : "";
      const label = options.showMetadata ? `${a.originalName}, ${a.capturedAt.toISOString().slice(0, 10)}` : a.kind === "video" ? "Video" : "Photo";
      return (
        `<a class="tile" href="${base}/assets/${esc(a.id)}/preview" data-kind="${a.kind}" data-alt="${esc(label)}" data-preview="${base}/assets/${esc(a.id)}/preview" data-original="${base}/assets/${esc(a.id)}/original" ` +
        `style="flex-grow:${(ratio * 100).toFixed(2)};width:${(ratio * 180).toFixed(1)}px;${placeholder}">` +
        `<i style="padding-bottom:${(100 / ratio).toFixed(3)}%"></i><img src="${base}/assets/${esc(a.id)}/thumb" alt="${esc(label)}" loading="lazy" decoding="async">` +
        `${a.kind === "video" && a.durationMs ? `<span class="dur">${duration(a.durationMs)}</span>` : ""}</a>`
      );
    })
    .join("");
  const download = options.allowDownload && options.assets.length > 0 ? `<a class="btn" href="${base}/download.zip" download>Download all (${options.assets.length})</a>` : "";
  const body =
    `<header><h1>${esc(options.title)}</h1>${download}</header>` +
    `<main class="grid">${tiles || `<p class="center">Nothing here yet.</p>`}</main>` +
    `<div id="box" tabindex="-1" role="dialog" aria-label="Photo"><div id="stage"></div><nav><button id="prev" aria-label="Previous">‹</button>` +
    `${options.allowDownload ? `<a id="dl" class="btn" href="#">Download</a>` : ""}<button id="next" aria-label="Next">›</button><button id="close" aria-label="Close">✕</button></nav></div>`;
  return shell(options.title, options.nonce, body, LIGHTBOX);
}
