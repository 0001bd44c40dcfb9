/**
 * The knowledge base: Markdown documents with YAML front matter, loaded, validated and cut into passages.
 *
 * <p>Core package: imports no channel, web or LLM library.
 */
@NullMarked
package org.greendesk.knowledge;

import org.jspecify.annotations.NullMarked;
