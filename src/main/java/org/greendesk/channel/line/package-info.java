/**
 * The LINE channel: LINE's webhook events (signature checked before anything is read) turned into the desk's
 * messages and typed calls, and the core's messages pushed through the Messaging API (plain text split under
 * LINE's limit, quick-reply buttons) with LINE's errors turned into the core's retry or give-up. The only package
 * that imports LINE classes; it is started by the service as a {@link org.greendesk.channel.ChannelModule}.
 */
@NullMarked
package org.greendesk.channel.line;

import org.jspecify.annotations.NullMarked;
