package org.greendesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.greendesk.channel.ChannelModule;
import org.junit.jupiter.api.Test;

/**
 * The core knows no channel, web framework or chat model: adapters translate at the edge. Packages form no cycle,
 * channels know nothing of one another, and the HTTP surfaces ({@code api}, {@code web}, {@code contract}) keep to
 * their place.
 */
class ArchitectureTest {
  private static final String[] CORE = {
    "org.greendesk.knowledge..", "org.greendesk.search..", "org.greendesk.assistant..",
    "org.greendesk.conversation..", "org.greendesk.handoff..", "org.greendesk.store..", "org.greendesk.delivery..",
    "org.greendesk.stats..", "org.greendesk.profile..", "org.greendesk.messages..", "org.greendesk.follow..",
    "org.greendesk.profiles.."
  };
  /** What only the edges may use: the adapters, the wiring and the command line. */
  private static final String[] EDGES = {
    "org.greendesk.channel..", "org.greendesk.cli..", "org.greendesk.config..", "org.greendesk.embedding..",
    "org.greendesk.llm..", "org.greendesk.language..", "org.greendesk.eval.."
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
        .should().dependOnClassesThat().resideInAnyPackage(EDGES)
        .check(classes);
  }

  @Test
  void core_should_not_depend_on_the_http_surfaces() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("org.greendesk.api..", "org.greendesk.web..",
            "org.greendesk.contract..")
        .check(classes);
  }

  @Test
  void packages_should_be_free_of_cycles() {
    slices().matching("org.greendesk.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void rest_api_should_not_depend_on_channels_or_the_wiring() {
    noClasses().that().resideInAPackage("org.greendesk.api..")
        .should().dependOnClassesThat().resideInAnyPackage(EDGES)
        .check(classes);
  }

  @Test
  void web_server_should_know_nothing_of_what_it_serves() {
    noClasses().that().resideInAPackage("org.greendesk.web..")
        .should().dependOnClassesThat().resideInAnyPackage(CORE)
        .orShould().dependOnClassesThat().resideInAnyPackage(EDGES)
        .orShould().dependOnClassesThat().resideInAnyPackage("org.greendesk.api..", "org.greendesk.contract..")
        .check(classes);
  }

  @Test
  void json_contract_should_not_depend_on_a_transport_or_the_wiring() {
    noClasses().that().resideInAPackage("org.greendesk.contract..")
        .should().dependOnClassesThat().resideInAnyPackage(EDGES)
        .orShould().dependOnClassesThat().resideInAnyPackage("org.greendesk.api..", "org.greendesk.web..")
        .orShould().dependOnClassesThat().resideInAnyPackage(VENDORS)
        .check(classes);
  }

  @Test
  void channel_modules_should_live_in_a_channel_package_of_their_own() {
    // A module outside channel.* would escape the independence rule below.
    classes().that().implement(ChannelModule.class).should().resideInAPackage("org.greendesk.channel.*")
        .check(classes);
  }

  @Test
  void each_platform_library_should_stay_in_its_channel() {
    noClasses().that().resideOutsideOfPackage("org.greendesk.channel.telegram..")
        .should().dependOnClassesThat().resideInAPackage("org.telegram..").check(classes);
    noClasses().that().resideOutsideOfPackage("org.greendesk.channel.slack..")
        .should().dependOnClassesThat().resideInAPackage("com.slack..").check(classes);
    noClasses().that().resideOutsideOfPackage("org.greendesk.channel.line..")
        .should().dependOnClassesThat().resideInAPackage("com.linecorp..").check(classes);
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
