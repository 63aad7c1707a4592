import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  /** True when the file went past the emulator's size cap (reference §7 40907). */
  truncated: boolean;
}

/** Reads a multipart upload into plain fields and files, so the same zod schemas validate it. */
export async function readMultipart(
  request: FastifyRequest,
  maximumBytes: number,
): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: maximumBytes } })) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const file: UploadedFile = {
          fileName: part.filename,
          mimeType: part.mimetype,
          bytes: Buffer.concat(chunks),
          truncated: part.file.truncated,
        };
        input[part.fieldname] = file;
      } else {
        input[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    throw new ApiError(40002, `Invalid multipart body: ${(error as Error).message}`);
  }
  return input;
}
