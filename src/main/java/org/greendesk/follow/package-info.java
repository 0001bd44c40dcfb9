/**
 * Following and reminders: what an SME asked to hear about (a document, a topic, an economy, the events of an
 * economy), the short notice a follower gets when a reload changes a followed document, and the reminders 30 and
 * 7 days before the dates that concern an SME. Everything it says goes through the outbox, once: a row in
 * {@code change_notices_sent} or {@code reminders_sent}, unique per SME and item, is written in the same transaction
 * as the outbox row.
 *
 * <p>Core package: imports no channel, web, LLM or command-line library.
 */
@NullMarked
package org.greendesk.follow;

import org.jspecify.annotations.NullMarked;
