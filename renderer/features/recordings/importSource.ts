/** What the import reads: a File or Blob (name added for a Blob). */
export interface ImportSource {
  readonly name: string;
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}
