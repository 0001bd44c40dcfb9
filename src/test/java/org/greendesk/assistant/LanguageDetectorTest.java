package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LanguageDetector detector = new LanguageDetector();

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "중소기업도 탄소국경조정제도를 신고해야 하나요?|ko",
      "中小企業はCBAMの報告が必要ですか？|ja",
      "中小企业需要申报碳边境调节机制吗？|zh",
      "บริษัทขนาดเล็กต้องรายงาน CBAM หรือไม่|th",
      "Нужно ли малому бизнесу отчитываться по CBAM?|ru",
      "هل يجب على الشركات الصغيرة الإبلاغ عن CBAM؟|ar",
      "Doanh nghiệp nhỏ có phải báo cáo CBAM không?|vi",
      "Apakah perusahaan kecil harus melaporkan CBAM?|id",
      "Adakah syarikat kecil perlu melaporkan CBAM?|ms",
      "¿Qué es el CBAM y cómo afecta a mi empresa?|es",
      "Qu'est-ce que le CBAM et comment s'applique-t-il à notre entreprise ?|fr",
      "Was ist CBAM und gilt es für unser Unternehmen?|de",
      "Czy mała firma musi zgłaszać CBAM?|pl",
      "Ano ang CBAM at paano ito makakaapekto sa aming negosyo?|tl"})
  void should_recognise_the_language_of_a_question(String question, String code) {
    assertThat(detector.detect(question).code()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"What is CBAM?", "CBAM", "K-ETS?", "is my compny need report for cbam if we export steel to EU",
      "what grant for solar panel in Malaysia", "Does REACH apply to our products made in Vietnam?",
      "SEC 2026 deadline", "Horizon Europe EIC Accelerator"})
  void should_take_english_and_bare_names_for_english(String question) {
    assertThat(detector.detect(question)).isEqualTo(Language.ENGLISH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Doanh nghiệp nhỏ có phải báo cáo CBAM không?"})
  void should_recognise_vietnamese_typed_with_separate_accents(String question) {
    String decomposed = Normalizer.normalize(question, Normalizer.Form.NFD);

    assertThat(detector.detect(decomposed).code()).isEqualTo("vi");
  }

  @Test
  void should_take_every_message_of_the_evaluation_sets_for_english() throws IOException {
    List<String> messages = new ArrayList<>();
    for (Path folder : List.of(Path.of("eval/retrieval"), Path.of("eval/routing"))) {
      try (var files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
          for (String line : Files.readAllLines(file)) {
            messages.add(JSON.readTree(line).get("q").asText());
          }
        }
      }
    }

    assertThat(messages).hasSizeGreaterThan(300)
        .allSatisfy(m -> assertThat(detector.detect(m)).as(m).isEqualTo(Language.ENGLISH));
  }
}
