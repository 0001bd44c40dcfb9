/**
 * The Slack adapter (Bolt for Java): staff ask and manage with {@code /greendesk}; advisors take escalations from
 * cards in their channel and talk to the SME in each card's thread. Slack types stay in this package; Slack's
 * errors become {@link org.greendesk.delivery.SendException}s here.
 */
@NullMarked
package org.greendesk.channel.slack;

import org.jspecify.annotations.NullMarked;
