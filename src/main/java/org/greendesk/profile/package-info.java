/**
 * "What applies to me?": an SME's profile matched against the knowledge base's {@code applies_to} and
 * {@code eligible} front matter, giving the rules that apply, those to check, the funding it may get and the events
 * for it, each with the reason. Pure: no input or output, the day is given.
 *
 * <p>Core package: imports no channel, web, LLM or command-line library.
 */
@NullMarked
package org.greendesk.profile;

import org.jspecify.annotations.NullMarked;
