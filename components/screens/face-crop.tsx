import type { PersonSummary } from "../types";

const MARGIN = 1.6;

/** A round crop of a person's cover face, cut from the photo's md thumbnail with CSS only. */
export function FaceCrop({ cover, className = "h-24 w-24" }: { cover: NonNullable<PersonSummary["cover"]>; className?: string }) {
  const { x, y, width, height } = cover.box;
  const sx = 1 / (width * MARGIN);
  const sy = 1 / (height * MARGIN);
  const position = (center: number, scale: number) => (scale === 1 ? 50 : ((0.5 - center * scale) / (1 - scale)) * 100);
  return (
    <span
      aria-hidden="true"
      className={`block shrink-0 rounded-full bg-slate-200 bg-no-repeat dark:bg-slate-800 ${className}`}
      style={{
        backgroundImage: `url("/api/assets/${cover.assetId}/thumbnail?size=md")`,
        backgroundSize: `${sx * 100}% ${sy * 100}%`,
        backgroundPosition: `${position(x + width / 2, sx)}% ${position(y + height / 2, sy)}%`,
      }}
    />
  );
}
