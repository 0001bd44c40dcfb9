/**
 * Handing a conversation to a person and back: escalations and their state machine, advisors and how one is
 * suggested, and the ports to the advisor desk. Core package: imports no channel, web or LLM library.
 */
@NullMarked
package org.greendesk.handoff;

import org.jspecify.annotations.NullMarked;
