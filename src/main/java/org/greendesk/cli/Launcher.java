package org.greendesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.store.LockObtainFailedException;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Settings;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeFormatException;
import org.greendesk.knowledge.KnowledgeLoader;
import org.greendesk.knowledge.KnowledgeProblem;
import org.greendesk.search.RetrievalSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Opens GreenDesk for a command, honouring {@code --knowledge}; reports why it could not, in one place. */
final class Launcher {
  static final int BROKEN_KNOWLEDGE = 3;

  @Option(names = "--knowledge", paramLabel = "DIR",
      description = "knowledge folder (default: GREENDESK_KNOWLEDGE_DIR, else ./knowledge)")
  @Nullable Path knowledge;

  private final Settings settings;
  private int failure = 1;

  Launcher(Settings settings) {
    this.settings = settings;
  }

  Settings settings() {
    return knowledge == null ? settings : settings.withKnowledgeDir(knowledge);
  }

  /** GreenDesk, or empty after telling the user why not; {@link #failure} then gives the exit code. */
  Optional<GreenDesk> open(Terminal terminal) {
    return open(terminal, RetrievalSettings.defaults());
  }

  Optional<GreenDesk> open(Terminal terminal, RetrievalSettings retrieval) {
    return open(terminal, settings -> GreenDesk.open(settings, retrieval));
  }

  /** How a command opens GreenDesk when the usual way does not suit it. */
  @FunctionalInterface
  interface Opener {
    GreenDesk open(Settings settings) throws KnowledgeFormatException, IOException;
  }

  Optional<GreenDesk> open(Terminal terminal, Opener opener) {
    try {
      return Optional.of(opener.open(settings()));
    } catch (KnowledgeFormatException e) {
      broken(terminal, e, "nothing was indexed");
    } catch (LockObtainFailedException e) {
      terminal.err().println("The index in " + settings().dataDir() + " is being rebuilt by another GreenDesk process; try again when it is done.");
      failure = 1;
    } catch (IOException | RuntimeException e) {
      terminal.err().println("Cannot start GreenDesk: " + e.getMessage());
      failure = 1;
    }
    return Optional.empty();
  }

  /** The knowledge folder alone, for a command that needs no index; empty after telling the user why not. */
  Optional<KnowledgeBase> knowledge(Terminal terminal) {
    try {
      return Optional.of(new KnowledgeLoader().load(settings().knowledgeDir()));
    } catch (KnowledgeFormatException e) {
      broken(terminal, e, "nothing was loaded");
    } catch (RuntimeException e) {
      terminal.err().println("Cannot read the knowledge folder " + settings().knowledgeDir() + ": " + e.getMessage());
      failure = 1;
    }
    return Optional.empty();
  }

  private void broken(Terminal terminal, KnowledgeFormatException e, String consequence) {
    terminal.err().println("The knowledge folder " + settings().knowledgeDir() + " has problems; " + consequence + ":");
    for (KnowledgeProblem problem : e.problems()) {
      terminal.err().println("  " + problem);
    }
    failure = BROKEN_KNOWLEDGE;
  }

  int failure() {
    return failure;
  }
}
