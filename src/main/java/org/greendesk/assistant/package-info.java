/**
 * The assistant: understands a question in its conversation, retrieves, composes a short answer with its sources,
 * rates its confidence and decides whether a person should take over.
 *
 * <p>Core package: imports no channel, web or LLM chat library.
 */
@NullMarked
package org.greendesk.assistant;

import org.jspecify.annotations.NullMarked;
