import type { MultipartFile } from '@fastify/multipart';
import { mediaUploadLimits } from '@whathead/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { IncomingFile } from '../../services/media/media-upload.service.js';

const notAFile = () =>
  new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in a part named “file”.');

const cutShort = (cause: unknown) =>
  new AppError(
    'validation_failed',
    'The file did not arrive whole: its upload was interrupted, or the multipart/form-data body is malformed. Add the file again.',
    { cause },
  );

/**
 * Hands the request's one file part, as it streams in, to `use`. A body that is not a multipart
 * form, a form whose first part is not a file named `file`, and a form cut short or malformed
 * (no boundary, no closing boundary, the client gone mid-file) answer in the app's words, never
 * as a failure of ours.
 */
export async function withFilePart<Result>(
  request: FastifyRequest,
  use: (file: IncomingFile) => Promise<Result>,
): Promise<Result> {
  if (!request.isMultipart()) throw notAFile();
  let part: MultipartFile | undefined;
  try {
    part = await request.file({
      limits: { fileSize: mediaUploadLimits.videoBytes, files: 1, fields: 0, parts: 1 },
      throwFileSizeLimit: false,
    });
  } catch (error) {
    throw cutShort(error);
  }
  // A part without a file name is a form field, unless its type says it holds bytes.
  if (!part || (part.type as string) !== 'file' || part.fieldname !== 'file') throw notAFile();
  const { file, filename } = part;
  try {
    return await use({ stream: file, fileName: filename ?? '', truncated: () => file.truncated });
  } catch (error) {
    // The parser fails the part's stream when the body breaks off or turns malformed mid-file. A
    // failure writing it to disk fails the stream too, but is ours: it names its system call.
    const broken = file.errored;
    if (broken && !('syscall' in broken)) throw cutShort(broken);
    throw error;
  }
}
