"use client";
import Link from "next/link";
import type { AssetDetail } from "../types";

type Box = AssetDetail["faces"][number]["box"];

/** A face box (relative to the upright original) on the photo as the owner turned it (clockwise). */
export function turnBox(box: Box, rotation: number): Box {
  const { x, y, width, height } = box;
  if (rotation === 90) return { x: 1 - y - height, y: x, width: height, height: width };
  if (rotation === 180) return { x: 1 - x - width, y: 1 - y - height, width, height };
  if (rotation === 270) return { x: y, y: 1 - x - width, width: height, height: width };
  return box;
}

/**
 * The faces found on a photo, outlined over it (the layer fits the photo's shown rectangle inside
 * the viewer, so it zooms with it); each named face links to its person.
 */
export function FaceBoxes({ asset }: { asset: AssetDetail }) {
  const aspect = asset.width && asset.height ? asset.width / asset.height : 1;
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center [container-type:size]" data-testid="face-boxes">
      <div className="relative" style={{ width: `min(100cqw, ${100 * aspect}cqh)`, height: `min(100cqh, ${100 / aspect}cqw)` }}>
        {asset.faces.map((face) => {
          const box = turnBox(face.box, asset.edits.rotation);
          const label = face.name ?? (face.personId ? "Unnamed person" : "Unknown face");
          const style = { left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` };
          const outline = "absolute rounded-md border-2 border-white shadow-[0_0_0_1px_rgba(0,0,0,0.6)]";
          const tag = <span className="absolute left-0 top-full mt-1 whitespace-nowrap rounded bg-black/70 px-1.5 py-0.5 text-xs text-white">{label}</span>;
          return face.personId ? (
            <Link key={face.id} prefetch={false} href={`/people/${face.personId}`} aria-label={`${label}: open their photos`} className={`${outline} pointer-events-auto`} style={style} data-testid="face-box" onPointerDown={(e) => e.stopPropagation()}>
              {tag}
            </Link>
          ) : (
            <span key={face.id} className={outline} style={style} data-testid="face-box">{tag}</span>
          );
        })}
      </div>
    </div>
  );
}
