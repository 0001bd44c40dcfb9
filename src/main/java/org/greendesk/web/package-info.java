/**
 * The service's own HTTP server (Javalin): the routes each channel adapter contributes (Telegram's webhook,
 * Slack's events, the web chat), and the health check. An edge package: the core never imports it.
 */
@NullMarked
package org.greendesk.web;

import org.jspecify.annotations.NullMarked;
