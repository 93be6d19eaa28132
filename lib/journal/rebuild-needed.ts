/** Start-up cannot go on without `npm run rebuild` (exit 78): the database is gone, or older than the journal can replay. */
export class RebuildNeeded extends Error {
  constructor(message: string) {
    super(`${message} Stop Albums and run \`npm run rebuild\`: it re-creates the index from originals/ and the journal (originals are never changed).`);
    this.name = "RebuildNeeded";
  }
}
