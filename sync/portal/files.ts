// Reading a file the user named, only when it is a regular file: a FIFO or device would block the process.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { SyncError } from '../errors';
import { PORTAL_TEXT } from '../texts';

const megabytes = (bytes: number): string => String(Math.round(bytes / (1024 * 1024)));

/**
 * A descriptor of the file and its size, or a PORTAL_FILE error; the caller closes it. Opened non-blocking
 * and checked with fstat before any read: opening or reading a FIFO blocks the event loop, and then not
 * even SIGTERM is handled.
 */
export function openRegularFile(path: string, maxBytes: number): { fd: number; size: number } {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new SyncError('PORTAL_FILE', PORTAL_TEXT.notRegularFile(path));
    if (stat.size > maxBytes)
      throw new SyncError('PORTAL_FILE', PORTAL_TEXT.fileTooLarge(path, megabytes(maxBytes)));
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The whole file, or a PORTAL_FILE error (small files only: profiles; export files are streamed). */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const { fd } = openRegularFile(path, maxBytes);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
