package org.greendesk.search;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.greendesk.knowledge.Passage;
import org.greendesk.knowledge.PassageKind;

/**
 * The passages of the index's hits, with their sentences' vectors, read from stored fields once per segment and
 * then kept: every query touches up to a few hundred candidates, and decompressing their stored fields each time
 * was most of a search's cost. Segments never change, so what is kept is never stale; a segment that is merged
 * away is forgotten with it. Thread safe.
 */
final class StoredPassages {
  private final Map<IndexReader.CacheKey, Stored[]> bySegment = Collections.synchronizedMap(new WeakHashMap<>());

  /** A passage and the vectors of its sentences, in {@link PassageIndex#sentences} order. */
  record Stored(Passage passage, List<float[]> sentenceVectors) {}

  Stored get(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      return read(leaf, local);
    }
    Stored[] cached = bySegment.computeIfAbsent(helper.getKey(), key -> new Stored[leaf.reader().maxDoc()]);
    Stored stored = cached[local];
    if (stored == null) {
      // Two threads may both read the same passage; they read the same thing, so the race is harmless.
      stored = read(leaf, local);
      cached[local] = stored;
    }
    return stored;
  }

  private static Stored read(LeafReaderContext leaf, int local) throws IOException {
    Document doc = leaf.reader().storedFields().document(local);
    Passage passage = new Passage(doc.get(IndexFields.PASSAGE_ID), doc.get(IndexFields.DOCUMENT_ID),
        doc.getField(IndexFields.ORDINAL).numericValue().intValue(), doc.get(IndexFields.HEADING),
        doc.get(IndexFields.TEXT), PassageKind.valueOf(doc.get(IndexFields.KIND)));
    BytesRef vectors = doc.getBinaryValue(IndexFields.SENTENCE_VECTORS);
    byte[] bytes = java.util.Arrays.copyOfRange(vectors.bytes, vectors.offset, vectors.offset + vectors.length);
    return new Stored(passage, SentenceVectors.unpack(bytes));
  }
}
