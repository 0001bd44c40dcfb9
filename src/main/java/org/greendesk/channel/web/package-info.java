/**
 * The web chat: a page served from the jar (plain HTML, CSS and JavaScript), its JSON endpoints under
 * {@code /chat}, the embeddable widget, and the {@code web} customer channel. An adapter: it translates HTTP into
 * the desk's inbound messages and reads the outbox's deliveries back; the core never imports it.
 */
@NullMarked
package org.greendesk.channel.web;

import org.jspecify.annotations.NullMarked;
