/**
 * The desk's figures over a period (questions, answered vs routed to a person, feedback, time to claim and to
 * resolve) and its knowledge gaps (what the bot could not answer well, grouped), read from the database for any
 * channel or page to show. Core package: imports no channel, web or LLM library.
 */
@NullMarked
package org.greendesk.stats;

import org.jspecify.annotations.NullMarked;
