package org.greendesk.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Where a command reads and writes: the process's streams in {@code main}, buffers in tests. */
record Terminal(InputStream in, PrintStream out, PrintStream err) {

  BufferedReader reader() {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
