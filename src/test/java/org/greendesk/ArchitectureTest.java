package org.greendesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core knows no channel, web framework or chat model: adapters translate at the edge. */
class ArchitectureTest {
  private static final String[] CORE = {
    "org.greendesk.knowledge..", "org.greendesk.search..", "org.greendesk.assistant..",
    "org.greendesk.conversation..", "org.greendesk.handoff..", "org.greendesk.store..", "org.greendesk.delivery..",
    "org.greendesk.stats..", "org.greendesk.profile..", "org.greendesk.follow..",
    "org.greendesk.profiles.."
  };
  private static final String[] VENDORS = {
    "org.telegram..", "com.slack..", "io.javalin..", "org.eclipse.jetty..", "dev.langchain4j..", "ai.djl..",
    "ai.onnxruntime..", "com.github.pemistahl..", "com.linecorp.."
  };

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.greendesk");

  @Test
  void core_should_not_depend_on_channel_web_or_model_libraries() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(VENDORS)
        .check(classes);
  }

  @Test
  void core_should_not_depend_on_adapters_or_the_command_line() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.greendesk.channel..", "org.greendesk.cli..", "org.greendesk.config..", "org.greendesk.embedding..",
            "org.greendesk.llm..", "org.greendesk.language..")
        .check(classes);
  }

  @Test
  void channels_should_not_depend_on_one_another() {
    slices().matching("org.greendesk.channel.(*)..").should().notDependOnEachOther().check(classes);
  }

  @Test
  void channels_should_not_depend_on_the_wiring() {
    noClasses().that().resideInAPackage("org.greendesk.channel..")
        .should().dependOnClassesThat().resideInAnyPackage("org.greendesk.config..", "org.greendesk.cli..")
        .check(classes);
  }
}
