import type { Embeddings } from '@langchain/core/embeddings'

/** An embedder that names itself, so an index records which embedder built it. */
export type SanadEmbeddings = Embeddings & { readonly id: string; readonly dimensions?: number | undefined }
