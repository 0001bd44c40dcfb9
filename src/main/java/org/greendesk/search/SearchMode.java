package org.greendesk.search;

/** Which rankings a search uses. */
public enum SearchMode {
  /** Lexical only: BM25 over title, aliases, topics and body, with fuzzy matching of unknown words. */
  BM25,
  /** Dense vectors only. */
  DENSE,
  /** Both, fused by reciprocal rank. */
  HYBRID
}
