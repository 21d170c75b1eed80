import { createReadStream, closeSync, openSync, readSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../shared/errors.ts';
import type { ZipEntry } from './zip-directory.ts';

/**
 * How far a workbook may unpack. The spreadsheet reader holds some parts
 * whole in memory (the shared strings above all: exceljs keeps every one as a
 * string, about five bytes of memory per byte of XML), and XML compresses so
 * well that a 196 KB file can hold 200 MB of it. So every part is unpacked
 * once, counting bytes and stopping at the first limit it crosses, before the
 * reader sees the file. A zip's own size fields are not trusted.
 */
export const zipLimits = {
  /** Parts read whole into memory. */
  inMemoryPartBytes: 128 * 1024 * 1024,
  /** All parts together (worksheets are streamed, but this bounds time and temporary disk). */
  totalBytes: 2 * 1024 * 1024 * 1024,
  /** Unpacked ÷ packed above which a part is a decompression bomb, not data... */
  ratio: 100,
  /** ...once it unpacks to more than this (tiny parts compress absurdly well and harmlessly). */
  ratioFloor: 16 * 1024 * 1024,
};

/** Parts exceljs reads whole: shared strings, styles, the workbook and relationship lists. */
function heldInMemory(name: string): boolean {
  return /^xl\/(sharedstrings|styles|workbook)\.xml$|\.rels$/i.test(name);
}

class LimitCrossed extends Error {}

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
const kb = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;

/** Refuses, with a sentence, a workbook whose parts unpack past the limits; returns the total unpacked size. */
export async function checkZipLimits(path: string, fileName: string, entries: ZipEntry[], limits = zipLimits): Promise<number> {
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/') || entry.compressedSize === 0) continue;
    const partCap = heldInMemory(entry.name) ? limits.inMemoryPartBytes : Infinity;
    const ratioCap = Math.max(limits.ratioFloor, limits.ratio * entry.compressedSize);
    const cap = Math.min(partCap, ratioCap, limits.totalBytes - total);
    const size = await unpackedSize(path, fileName, entry, cap);
    if (size > cap) {
      if (cap === ratioCap) {
        throw new AppError('file_unreadable', `${fileName} is not a workbook we can read safely: its part ${entry.name} unpacks to more than ${mb(cap)} from ${kb(entry.compressedSize)}, over ${limits.ratio} times its packed size, which no real export does. Nothing was imported.`);
      }
      if (cap === partCap) {
        throw new AppError('file_unreadable', `${fileName} holds more shared text (${entry.name}) than can be read into memory: it unpacks to more than ${mb(cap)}. Save each sheet as CSV and import those instead.`);
      }
      throw new AppError('file_unreadable', `${fileName} unpacks to more than ${mb(limits.totalBytes)}. Save each sheet as CSV and import those instead.`);
    }
    total += size;
  }
  return total;
}

/** Unpacks one part to nowhere, counting bytes; stops as soon as it passes `cap` (then returns more than cap). */
async function unpackedSize(path: string, fileName: string, entry: ZipEntry, cap: number): Promise<number> {
  const start = dataStart(path, entry);
  if (start === null) throw damaged(fileName, `the part ${entry.name} is missing`);
  if (entry.method === 0) return entry.compressedSize;
  if (entry.method !== 8) throw new AppError('file_unreadable', `${fileName} packs ${entry.name} with a compression method this app cannot read (method ${entry.method}). Save it again from a spreadsheet program.`);
  let size = 0;
  try {
    await pipeline(createReadStream(path, { start, end: start + entry.compressedSize - 1 }), createInflateRaw(), async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > cap) throw new LimitCrossed();
      }
    });
  } catch (err) {
    if (err instanceof LimitCrossed) return size;
    throw damaged(fileName, `the part ${entry.name} does not unpack (${(err as Error).message})`);
  }
  return size;
}

/** Where a part's packed bytes begin: after its local header, whose name and extra field lengths may differ from the directory's. */
export function dataStart(path: string, entry: ZipEntry): number | null {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(30);
    if (readSync(fd, header, 0, 30, entry.localHeaderOffset) !== 30 || header.readUInt32LE(0) !== 0x04034b50) return null;
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
}

export function damaged(fileName: string, why: string): AppError {
  return new AppError('file_unreadable', `${fileName} is damaged or not an XLSX workbook: ${why}.`);
}
