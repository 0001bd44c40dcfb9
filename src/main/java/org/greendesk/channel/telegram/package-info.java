/**
 * The Telegram channel: the core's messages rendered for the Bot API (HTML, split under Telegram's length limit,
 * inline buttons) and Telegram's errors turned into the core's retry or give-up. The only package that imports
 * Telegram classes.
 */
@NullMarked
package org.greendesk.channel.telegram;

import org.jspecify.annotations.NullMarked;
