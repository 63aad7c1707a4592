import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { isUploadedFile, type UploadedFile } from '../http/multipart-input.js';

// Reference §5 and §7: the failure modes of an upload by file, each with its own code.

/** A multipart file field (reference §0); anything else in its place reads as missing. */
export const uploadedFileSchema = z.custom<UploadedFile>(isUploadedFile);

export function checkUploadedFile(
  file: UploadedFile | undefined,
  field: string,
  maximumBytes: number,
): UploadedFile {
  if (!file) throw new ApiError(40905, `${field}: The file is missing.`);
  if (file.size === 0) throw new ApiError(40906, `${field}: The file is empty.`);
  if (file.truncated || file.size > maximumBytes) {
    throw new ApiError(40907, `${field}: The file is larger than ${maximumBytes} bytes.`);
  }
  return file;
}

/** The signature is the hex MD5 of the bytes (computed as they arrived); any difference is 40900. */
export function checkSignature(file: UploadedFile, signature: string): string {
  if (file.md5 !== signature.toLowerCase())
    throw new ApiError(40900, 'The file signature does not match the file content.');
  return file.md5;
}

/** Reference §5: file_name is 1–100 characters and longer names are truncated. */
export const normaliseFileName = (name: string): string => name.slice(0, 100);

/** Correction 7: names are unique per advertiser (40911), for images as for videos. */
export function checkUniqueName(names: Iterable<string>, fileName: string): void {
  for (const name of names) {
    if (name === fileName)
      throw new ApiError(40911, `The file name "${fileName}" already exists in this ad account.`);
  }
}
