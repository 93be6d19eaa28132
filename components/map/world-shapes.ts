import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { project } from "./mercator";

/** Country outlines as flat [x0, y0, x1, y1, …] rings in Web Mercator world units. */
export type WorldShapes = { rings: Float64Array[] };

let shapes: Promise<WorldShapes> | undefined;

/**
 * Natural Earth's 1:110m countries (world-atlas, public domain data, ISC package), loaded once
 * as a chunk of this app's own bundle: the map needs no tile server and fetches nothing outside.
 */
export function loadWorld(): Promise<WorldShapes> {
  shapes ??= import("world-atlas/countries-110m.json").then(({ default: topology }) => {
    const countries = feature(topology as unknown as Topology, (topology as unknown as Topology).objects.countries as GeometryCollection);
    const rings: Float64Array[] = [];
    for (const country of countries.features) {
      const geometry = country.geometry;
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
      for (const polygon of polygons) for (const ring of polygon) rings.push(Float64Array.from(ring.flatMap(([lon, lat]) => project(lon!, lat!))));
    }
    return { rings };
  });
  return shapes;
}
