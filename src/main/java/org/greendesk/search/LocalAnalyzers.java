package org.greendesk.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;

/**
 * Lucene's analysis for each language SMEs write in: Nori for Korean, Kuromoji for Japanese, SmartCN for Chinese,
 * Thai word segmentation, Indonesian stemming (Malay's words stem the same way), and for Vietnamese and the rest
 * plain words with their accents folded away, since Vietnamese is often typed without its tone marks. Each
 * analyzer is made when its language is first met, so a language nobody writes costs nothing. Thread safe.
 */
final class LocalAnalyzers {
  private final Map<String, Analyzer> analyzers = new ConcurrentHashMap<>();

  Analyzer of(String language) {
    return analyzers.computeIfAbsent(language, LocalAnalyzers::make);
  }

  private static Analyzer make(String language) {
    return switch (language) {
      case "ko" -> new KoreanAnalyzer();
      case "ja" -> new JapaneseAnalyzer();
      case "zh" -> new SmartChineseAnalyzer();
      case "th" -> new ThaiAnalyzer();
      case "id", "ms" -> new IndonesianAnalyzer();
      case "km", "lo", "my" -> new CJKAnalyzer();
      default -> folding();
    };
  }

  /** Words, lower case, accents folded: "luật bảo vệ" and "luat bao ve" become the same terms. */
  private static Analyzer folding() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }
}
