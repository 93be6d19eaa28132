/** The service worker's bounded cache of thumbnails the owner viewed, which the offline screen lists. */
export const THUMBS_CACHE = "albums-thumbs";
