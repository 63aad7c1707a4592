import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { MediaFiles } from '../state/media-files.js';
import { ApiError } from './api-error.js';

/** A file received on disk: the bytes never sit in memory, so a 500 MB video costs a few MB. */
export interface UploadedFile {
  fileName: string;
  mimeType: string;
  /** Under the emulator's `uploads/`; removed when the request ends unless the library kept it. */
  path: string;
  size: number;
  /** Hex MD5 of the bytes, computed as they streamed in (the signature check, reference §5). */
  md5: string;
  /** True when the file went past the emulator's size cap (reference §7 40907). */
  truncated: boolean;
}

// Only files this module received count as uploads: a JSON body may carry `{ "path": … }` too,
// and the library moves an upload's path into its own directory.
const received = new WeakSet<object>();

export const isUploadedFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' && value !== null && received.has(value);

export interface MultipartInput {
  fields: Record<string, unknown>;
  /** Removes this request's files still in `uploads/`; one the library kept has moved away already. */
  discard(): Promise<void>;
}

/** Reads a multipart upload into plain fields and files, so the same zod schemas validate it. */
export async function readMultipart(
  request: FastifyRequest,
  maximumBytes: number,
  files: MediaFiles,
): Promise<MultipartInput> {
  const fields: Record<string, unknown> = {};
  // Only paths made here are ever removed: a field's value says nothing about what may be deleted.
  const written: string[] = [];
  const discard = async () => {
    await Promise.all(written.map((file) => rm(file, { force: true })));
  };
  try {
    for await (const part of request.parts({ limits: { fileSize: maximumBytes } })) {
      if (part.type === 'file') {
        const target = files.uploadPath();
        written.push(target);
        fields[part.fieldname] = await receiveFile(part, target);
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    await discard();
    throw new ApiError(40002, `Invalid multipart body: ${(error as Error).message}`);
  }
  return { fields, discard };
}

async function receiveFile(part: MultipartFile, target: string): Promise<UploadedFile> {
  const hash = createHash('md5');
  let size = 0;
  await pipeline(
    part.file,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(target),
  );
  const file: UploadedFile = {
    fileName: part.filename,
    mimeType: part.mimetype,
    path: target,
    size,
    md5: hash.digest('hex'),
    truncated: part.file.truncated,
  };
  received.add(file);
  return file;
}
