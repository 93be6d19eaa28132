/** The query parameter naming the photo open in the viewer: `/albums/x?photo=<id>` is a link to it. */
export const VIEWER_PARAM = "photo";
