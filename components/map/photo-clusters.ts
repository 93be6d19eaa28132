import Supercluster from "supercluster";
import type { Bounds } from "./mercator";

/** A photo position as the API sends it: [id, latitude, longitude]. */
export type PhotoPoint = [string, number, number];
/** What the map draws: a cluster (count > 1) or one photo, at a position. */
export type Cluster = { key: string; latitude: number; longitude: number; count: number; clusterId: number | null; photoId: string | null };

/** Groups photo positions into clusters per zoom level (supercluster, ~60 px apart on screen). */
export function clusterPhotos(points: PhotoPoint[]) {
  const index = new Supercluster<{ id: string }>({ radius: 60, maxZoom: 16 });
  index.load(points.map(([id, latitude, longitude]) => ({ type: "Feature", properties: { id }, geometry: { type: "Point", coordinates: [longitude, latitude] } })));
  return {
    /** The clusters and single photos inside a box at a zoom level. */
    at(bounds: Bounds, zoom: number): Cluster[] {
      return index.getClusters([bounds.west, bounds.south, bounds.east, bounds.north], Math.floor(zoom)).map((f) => {
        const [longitude, latitude] = f.geometry.coordinates as [number, number];
        const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; id?: string };
        return p.cluster
          ? { key: `c${p.cluster_id}`, latitude, longitude, count: p.point_count!, clusterId: p.cluster_id!, photoId: null }
          : { key: p.id!, latitude, longitude, count: 1, clusterId: null, photoId: p.id! };
      });
    },
    /** The box around every photo of a cluster (or around one photo). */
    bounds(cluster: Cluster): Bounds {
      const leaves = cluster.clusterId === null ? [] : index.getLeaves(cluster.clusterId, Infinity);
      return boundsOf(leaves.length ? leaves.map((l) => l.geometry.coordinates as [number, number]) : [[cluster.longitude, cluster.latitude]]);
    },
  };
}

/** The box around longitude/latitude pairs, nudged so a single spot still has an area. */
export function boundsOf(positions: [number, number][]): Bounds {
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  const pad = 1e-5;
  return { west: Math.min(...lons) - pad, south: Math.min(...lats) - pad, east: Math.max(...lons) + pad, north: Math.max(...lats) + pad };
}
