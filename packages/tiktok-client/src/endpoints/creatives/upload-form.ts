import { createHash } from 'node:crypto';
import type { UploadFile } from './media-schemas.js';

/**
 * Reference §0/§5 + correction 7: only UPLOAD_BY_FILE is multipart; the file travels with the hex
 * MD5 of its bytes as its signature (a mismatch is 40900).
 */
export function uploadForm(
  fields: Record<string, string>,
  fileField: string,
  signatureField: string,
  file: UploadFile,
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if ('bytes' in file) {
    form.set(signatureField, createHash('md5').update(file.bytes).digest('hex'));
    form.set(
      fileField,
      new Blob([file.bytes], { type: file.mimeType ?? 'application/octet-stream' }),
      file.fileName,
    );
  } else {
    form.set(signatureField, file.md5.toLowerCase());
    if (file.onProgress) form.set(fileField, new CountedFile(file.blob, file.fileName, file.onProgress));
    else form.set(fileField, file.blob, file.fileName);
  }
  return form;
}

/**
 * A file whose bytes are counted as the request body reads them, for an upload's progress. It is
 * set in the form without a file name of its own: naming it there would copy it into a plain File
 * whose reads go uncounted. Each read (a retry reads again) starts the count from zero.
 */
class CountedFile extends File {
  readonly #source: Blob;
  readonly #onProgress: (bytesSent: number) => void;

  constructor(source: Blob, fileName: string, onProgress: (bytesSent: number) => void) {
    super([], fileName, { type: source.type || 'application/octet-stream' });
    this.#source = source;
    this.#onProgress = onProgress;
    // The body's length is read from `size`, which a File made of no parts would give as 0.
    Object.defineProperty(this, 'size', { value: source.size });
  }

  override stream(): ReadableStream<Uint8Array> {
    let sent = 0;
    const onProgress = this.#onProgress;
    onProgress(0);
    return this.#source.stream().pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          sent += chunk.byteLength;
          onProgress(sent);
          controller.enqueue(chunk);
        },
      }),
    );
  }
}
