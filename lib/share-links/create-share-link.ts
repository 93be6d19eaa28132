import { randomUUID } from "node:crypto";
import { hashPassphrase } from "@/lib/auth/passphrase";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { hashShareToken, newShareToken } from "./share-token";

export type CreateShareLinkInput = {
  albumId?: string;
  assetIds?: string[];
  passphrase?: string;
  expiresAt?: Date;
  allowDownload?: boolean;
  showMetadata?: boolean;
};

/**
 * Creates a link to an album (its photos as they are when a guest looks) or to a fixed selection.
 * Returns the token once — only its hash is kept — and the path on the share listener. Downloads
 * are allowed and metadata hidden unless said otherwise.
 */
export async function createShareLink(db: Db, input: CreateShareLinkInput, now = new Date()): Promise<{ id: string; token: string; url: string }> {
  if (Boolean(input.albumId) === Boolean(input.assetIds?.length)) throw new AppError("bad_request", "Give either albumId or assetIds (not both).");
  if (input.expiresAt && input.expiresAt <= now) throw new AppError("bad_request", "expiresAt is in the past.");
  let title: string;
  const assetIds = [...new Set(input.assetIds ?? [])];
  if (input.albumId) {
    const album = await db.album.findUnique({ where: { id: input.albumId }, select: { title: true } });
    if (!album) throw new AppError("not_found", "No such album.");
    title = album.title;
  } else {
    const found = await db.asset.count({ where: { id: { in: assetIds }, trashedAt: null, kind: { in: ["photo", "video"] } } });
    if (found !== assetIds.length) throw new AppError("not_found", "Some of those photos do not exist, are in the trash, or are documents.");
    title = `${assetIds.length} ${assetIds.length === 1 ? "photo" : "photos"}`;
  }
  const token = newShareToken();
  const id = randomUUID();
  await db.shareLink.create({
    data: {
      id,
      tokenHash: hashShareToken(token),
      albumId: input.albumId ?? null,
      title,
      passphraseHash: input.passphrase ? await hashPassphrase(input.passphrase) : null,
      expiresAt: input.expiresAt ?? null,
      allowDownload: input.allowDownload ?? true,
      showMetadata: input.showMetadata ?? false,
      assets: { create: assetIds.map((assetId, position) => ({ assetId, position })) },
    },
  });
  return { id, token, url: `/s/${token}` };
}
