import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';

export function exportPath(dir: string, tenantId: string, exportId: string): string {
  return path.join(dir, tenantId, `${exportId}.csv`);
}

/**
 * Writes a file under a temporary name and renames it into place only when complete: a crash halfway
 * never leaves a partial file where a download would find it. Returns the file's SHA-256.
 */
export async function writeAtomically(target: string, write: (append: (chunk: string) => Promise<void>) => Promise<void>): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await write(async (chunk) => void (await handle.write(chunk, null, 'utf8')));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, target);
  return sha256(target);
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}
