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
    form.set(fileField, file.blob, file.fileName);
  }
  return form;
}
