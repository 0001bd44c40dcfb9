/** The command line: {@code ask}, {@code search}, {@code chat}, {@code index}, {@code eval}, {@code bench}. */
@NullMarked
package org.greendesk.cli;

import org.jspecify.annotations.NullMarked;
