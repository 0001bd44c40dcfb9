/**
 * Tells the language of a message, with Lingua's models: an adapter behind the core's
 * {@link org.greendesk.assistant.LanguageDetector}.
 */
@NullMarked
package org.greendesk.language;

import org.jspecify.annotations.NullMarked;
