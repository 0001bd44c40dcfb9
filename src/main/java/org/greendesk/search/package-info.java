/**
 * Retrieval over the knowledge base: a persisted Lucene index of passages with BM25 fields and dense vectors, and
 * a hybrid retriever that fuses both rankings and groups passages by document.
 *
 * <p>Core package: knows embeddings only through the {@link org.greendesk.search.Embedder} port; imports no
 * channel, web or LLM chat library.
 */
@NullMarked
package org.greendesk.search;

import org.jspecify.annotations.NullMarked;
