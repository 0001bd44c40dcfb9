/**
 * GreenDesk's own words per language, read from {@code prompts/messages/*.yaml}.
 *
 * <p>Core package: imports no channel, web or LLM library.
 */
@NullMarked
package org.greendesk.messages;

import org.jspecify.annotations.NullMarked;
