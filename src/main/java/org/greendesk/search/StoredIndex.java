package org.greendesk.search;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * A small Lucene index kept in a folder of its own, built once and then only read: built under a temporary name
 * and moved into place whole, so that a process never reads one half written, and several processes may build it
 * at once (the first to finish wins, the others drop theirs).
 */
final class StoredIndex {
  /** Writes an index into the directory it is given, and returns it. */
  @FunctionalInterface
  interface Builder {
    Directory write(FSDirectory directory) throws IOException;
  }

  private StoredIndex() {}

  /** Builds the index at {@code stored}, a folder in {@code parent}, and removes the parent's other indexes. */
  static void build(Path parent, Path stored, Builder builder) throws IOException {
    Files.createDirectories(parent);
    Path building = Files.createTempDirectory(parent, "building-");
    try {
      try (FSDirectory directory = FSDirectory.open(building)) {
        builder.write(directory);
      }
      Files.move(building, stored, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // another process built the same index first
    } finally {
      deleteTree(building);
    }
    try (Stream<Path> all = Files.list(parent)) {
      for (Path other : all.filter(p -> !p.equals(stored) && !p.getFileName().toString().startsWith("building-"))
          .toList()) {
        deleteTree(other);
      }
    }
  }

  /** The index read whole into memory: it holds no file open, so the folder may be replaced under it. */
  static Directory read(Path stored) throws IOException {
    ByteBuffersDirectory memory = new ByteBuffersDirectory();
    try (FSDirectory directory = FSDirectory.open(stored)) {
      for (String file : directory.listAll()) {
        memory.copyFrom(directory, file, file, IOContext.READONCE);
      }
    }
    return memory;
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : deepestFirst) {
        Files.deleteIfExists(path);
      }
    }
  }
}
