package org.greendesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greendesk.knowledge.EconomyLexicon;
import org.greendesk.knowledge.EventCalendar;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.Review;

/**
 * A benchmark in BEIR's format: {@code corpus.jsonl} ({@code _id, title, text}), {@code queries.jsonl}
 * ({@code _id, text}) and {@code qrels/SPLIT.tsv} (a header, then {@code query-id corpus-id score}). The corpus
 * becomes a knowledge base of one document per record, so it is indexed and searched by the product's own code.
 */
public record BeirBenchmark(KnowledgeBase corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Loads the corpus and the queries judged in the split, in the qrels' order. */
  public static BeirBenchmark load(Path folder, String split) throws IOException {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(folder.resolve("qrels").resolve(split + ".tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.strip().split("\t");
      if (cells.length >= 3) {
        qrels.computeIfAbsent(cells[0], q -> new HashMap<>()).put(cells[1], Integer.parseInt(cells[2].strip()));
      }
    }
    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, String> allQueries = new HashMap<>();
    readJsonLines(folder.resolve("queries.jsonl"), node -> allQueries.put(node.path("_id").asText(), node.path("text").asText()));
    qrels.keySet().forEach(id -> {
      if (allQueries.containsKey(id)) {
        queries.put(id, allQueries.get(id));
      }
    });
    List<KnowledgeDocument> documents = new ArrayList<>();
    MessageDigest corpusHash = sha256();
    Path corpusFile = folder.resolve("corpus.jsonl");
    readJsonLines(corpusFile, node -> {
      String id = node.path("_id").asText();
      String title = node.path("title").asText();
      String text = node.path("text").asText();
      String hash = HexFormat.of().formatHex(sha256().digest((id + "\n" + title + "\n" + text).getBytes()));
      corpusHash.update(hash.getBytes());
      documents.add(new KnowledgeDocument(id, title, title, "document", List.of(), List.of(), List.of(), null,
          Map.of(), Review.UNKNOWN, Map.of(), text.isBlank() ? title : text, List.of(), List.of(), corpusFile, hash));
    });
    KnowledgeBase base = new KnowledgeBase(documents, EconomyLexicon.empty(), EventCalendar.empty(),
        HexFormat.of().formatHex(corpusHash.digest()), List.of(), Map.of());
    return new BeirBenchmark(base, queries, qrels);
  }

  private interface LineHandler {
    void accept(JsonNode node);
  }

  private static void readJsonLines(Path file, LineHandler handler) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          handler.accept(JSON.readTree(line));
        }
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
