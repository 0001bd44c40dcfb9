/**
 * Getting messages out, durably: the outbox (written in the same transaction as the decision to send), the
 * sender that drains it with retries, and the ports to the channels it sends through. Core package: imports no
 * channel, web or LLM library.
 */
@NullMarked
package org.greendesk.delivery;

import org.jspecify.annotations.NullMarked;
