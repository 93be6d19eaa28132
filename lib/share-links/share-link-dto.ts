/** A share link as the owner sees it (never its token: only its hash is stored). */
export type ShareLinkDto = {
  id: string;
  title: string;
  albumId: string | null;
  assetCount: number | null;
  hasPassphrase: boolean;
  expiresAt: string | null;
  allowDownload: boolean;
  showMetadata: boolean;
  revokedAt: string | null;
  lastUsedAt: string | null;
  hits: number;
  createdAt: string;
  /** active | expired | revoked */
  state: "active" | "expired" | "revoked";
};

type Row = {
  id: string;
  title: string;
  albumId: string | null;
  passphraseHash: string | null;
  expiresAt: Date | null;
  allowDownload: boolean;
  showMetadata: boolean;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  hits: number;
  createdAt: Date;
  _count?: { assets: number };
};

/** Whether a link answers now. */
export function linkState(row: Pick<Row, "revokedAt" | "expiresAt">, now = new Date()): ShareLinkDto["state"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

export function toShareLinkDto(row: Row): ShareLinkDto {
  return {
    id: row.id,
    title: row.title,
    albumId: row.albumId,
    assetCount: row.albumId ? null : (row._count?.assets ?? null),
    hasPassphrase: row.passphraseHash !== null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    allowDownload: row.allowDownload,
    showMetadata: row.showMetadata,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    hits: row.hits,
    createdAt: row.createdAt.toISOString(),
    state: linkState(row),
  };
}
