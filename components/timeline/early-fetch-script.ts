import type { ShelfView } from "../types";

/** The cookie in which the browser tells the server its UTC offset (minutes), so the next page's server-rendered memories are the viewer's. */
export const TZ_COOKIE = "albums-tz";

/**
 * The inline script (in the page's first HTML) that asks at once for what the timeline will ask
 * for after hydration: the view's day shape, today's memories, and then the newest month's first
 * page (unless the page's HTML already holds it, read at the browser's offset: `seededTz`) — each under the exact URL the client builds (getJson takes it from
 * `window.__albumsEarly`), so the data travels while the JavaScript downloads instead of after it.
 * It also leaves the offset in the TZ_COOKIE for the next page.
 * Plain ES5 with no dependencies; the month window matches monthWindow() and the page size
 * loadMonth()'s.
 */
export function earlyFetchScript(view: ShelfView, options: { memories: boolean; pageSize: number; seededTz?: number | undefined }): string {
  return `(function(){
var e=window.__albumsEarly={},tz=-new Date().getTimezoneOffset(),v=${JSON.stringify(view)};
function ask(path,params){var u=path+"?"+new URLSearchParams(params).toString();var p=fetch(u,{credentials:"same-origin"});p.catch(function(){});e[u]=p;return p;}
function two(n){return(n<10?"0":"")+n;}
document.cookie="${TZ_COOKIE}="+tz+";path=/;max-age=31536000;samesite=strict";
var off=(tz>=0?"+":"-")+two(Math.floor(Math.abs(tz)/60))+":"+two(Math.abs(tz)%60);
var days=ask("/api/timeline/days",{view:v,tz:String(tz)});
${options.memories ? `ask("/api/memories",{tz:String(tz)});` : ""}
${options.seededTz === undefined ? "" : `if(tz===${options.seededTz})return;
`}days.then(function(r){return r.ok?r.clone().json():null;}).then(function(d){
if(!d||!d.days.length)return;
var m=d.days[0].day.slice(0,7),y=+m.slice(0,4),mo=+m.slice(5,7),next=mo===12?(y+1)+"-01":y+"-"+two(mo+1);
ask("/api/assets",{view:v,from:m+"-01T00:00:00"+off,to:next+"-01T00:00:00"+off,limit:"${options.pageSize}"});
}).catch(function(){});
})();`;
}
