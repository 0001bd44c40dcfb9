/**
 * Conversations with SMEs, whatever the channel: every inbound message stored before it is acted on, answered
 * once, relayed to the advisor while a person holds the conversation, and the user's right to be forgotten.
 * Core package: imports no channel, web or LLM library.
 */
@NullMarked
package org.greendesk.conversation;

import org.jspecify.annotations.NullMarked;
