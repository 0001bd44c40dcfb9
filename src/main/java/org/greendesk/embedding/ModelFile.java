package org.greendesk.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.greendesk.base.AtomicFile;

/**
 * A model file of the class path copied once into a folder, named by its checksum in the jar: a new version of the
 * model is a new file, and a file cut short by a crash is never taken for the model, since it is written whole or
 * not at all ({@link AtomicFile}). Safe for several processes at once: each writes its own temporary file.
 */
final class ModelFile {
  private ModelFile() {}

  /** The file's path in the folder, copied there from the class path if it is not there yet. */
  static Path of(String name, Path folder) throws IOException {
    URL url = OnnxEmbedder.class.getResource("/" + name);
    if (url == null) {
      throw new IOException(name + " is not on the class path");
    }
    Path file = folder.resolve(version(url) + "-" + name);
    if (Files.isRegularFile(file)) {
      return file;
    }
    AtomicFile.write(file, out -> {
      try (InputStream in = url.openStream()) {
        in.transferTo(out);
      }
    });
    return file;
  }

  /** The entry's CRC when it is in a jar, read from the jar's directory without inflating it; else its size. */
  private static String version(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    if (connection instanceof JarURLConnection jar && jar.getJarEntry() != null) {
      long crc = jar.getJarEntry().getCrc();
      jar.getJarFile().close();
      return Long.toHexString(crc).toLowerCase(Locale.ROOT);
    }
    return Long.toString(connection.getContentLengthLong());
  }
}
