import { hashText } from '../source/load-sources.js'
import type { IndexManifest } from './index-manifest.js'

/**
 * One sha256 for everything an index was built from and holds: its manifest names the sources'
 * hashes, the embedder, the chunker, the format versions and a checksum of every file, so any
 * rebuild that could change an answer changes this value.
 */
export function computeIndexChecksum(manifest: IndexManifest): string {
  return hashText(JSON.stringify(manifest))
}
