/**
 * What an SME told GreenDesk about itself: its profile, kept in the database, asked in a short guided flow
 * ({@code /profile}), shown to the advisors in the handoff brief, and checked in chat ({@code /check}) against the
 * knowledge with {@link org.greendesk.profile.Checker}.
 *
 * <p>Core package: imports no channel, web, LLM or command-line library.
 */
@NullMarked
package org.greendesk.profiles;

import org.jspecify.annotations.NullMarked;
