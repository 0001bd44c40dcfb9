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
import org.greendesk.knowledge.Passage;

/**
 * The passages of the index's hits, read from stored fields once per segment and then kept: every query touches
 * up to a few hundred candidates, and decompressing their stored fields each time was most of a search's cost.
 * Segments never change, so what is kept is never stale; a segment that is merged away is forgotten with it.
 * Thread safe.
 */
final class StoredPassages {
  private final Map<IndexReader.CacheKey, Passage[]> bySegment = Collections.synchronizedMap(new WeakHashMap<>());

  Passage get(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      return read(leaf, local);
    }
    Passage[] cached = bySegment.computeIfAbsent(helper.getKey(), key -> new Passage[leaf.reader().maxDoc()]);
    Passage passage = cached[local];
    if (passage == null) {
      // Two threads may both read the same passage; they read the same thing, so the race is harmless.
      passage = read(leaf, local);
      cached[local] = passage;
    }
    return passage;
  }

  private static Passage read(LeafReaderContext leaf, int local) throws IOException {
    Document doc = leaf.reader().storedFields().document(local);
    return new Passage(doc.get(IndexFields.PASSAGE_ID), doc.get(IndexFields.DOCUMENT_ID),
        doc.getField(IndexFields.ORDINAL).numericValue().intValue(), doc.get(IndexFields.HEADING),
        doc.get(IndexFields.TEXT));
  }
}
