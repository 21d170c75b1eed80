import { closeSync, openSync, readSync } from 'node:fs';

/** One part of a zip archive, as its central directory lists it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else we cannot unpack. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** What the archive claims the part unpacks to (checked by unpacking, see zip-limits.ts). */
  size: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const MAX_COMMENT = 0xffff;

/**
 * Reads the central directory at the end of a zip file: the list of its parts
 * with their sizes, without unpacking anything. Returns null when the file
 * has no readable directory (not a zip, or cut short), which callers report
 * as a damaged file.
 */
export function readZipDirectory(path: string, fileSize: number): ZipEntry[] | null {
  const fd = openSync(path, 'r');
  try {
    const read = (position: number, length: number): Buffer | null => {
      if (position < 0 || length < 0 || position + length > fileSize) return null;
      const buf = Buffer.alloc(length);
      return readSync(fd, buf, 0, length, position) === length ? buf : null;
    };
    const tailLength = Math.min(fileSize, 22 + MAX_COMMENT);
    const tail = read(fileSize - tailLength, tailLength);
    if (!tail) return null;
    // The end record is followed only by the archive comment: search backwards for it.
    let end = tail.length - 22;
    while (end >= 0 && tail.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
    if (end < 0) return null;
    let count = tail.readUInt16LE(end + 10);
    let directorySize = tail.readUInt32LE(end + 12);
    let directoryOffset = tail.readUInt32LE(end + 16);
    const locatorAt = fileSize - tailLength + end - 20;
    const locator = locatorAt >= 0 ? read(locatorAt, 20) : null;
    if (locator && locator.readUInt32LE(0) === ZIP64_LOCATOR) {
      const zip64 = read(Number(locator.readBigUInt64LE(8)), 56);
      if (!zip64 || zip64.readUInt32LE(0) !== ZIP64_END) return null;
      count = Number(zip64.readBigUInt64LE(32));
      directorySize = Number(zip64.readBigUInt64LE(40));
      directoryOffset = Number(zip64.readBigUInt64LE(48));
    }
    const directory = read(directoryOffset, directorySize);
    if (!directory) return null;
    return parseEntries(directory, count);
  } finally {
    closeSync(fd);
  }
}

function parseEntries(directory: Buffer, count: number): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > directory.length) return null;
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    applyZip64(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets too big for 32 bits are in the zip64 extra field, in this order, only when saturated. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number | null => (p + 8 <= at + 4 + length && p + 8 <= extra.length ? Number(extra.readBigUInt64LE((p += 8) - 8)) : null);
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + length;
  }
}
